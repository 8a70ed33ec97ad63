/*
 * The board's messages added with the live incidents panel (`board.*`), spread into the app
 * dictionaries in lib/i18n/messages-{fr,en}.ts. French is the default; English has the same keys.
 */
export const boardMessagesFr = {
  'board.sound': 'Son à l’arrivée d’un incident',
  'board.incidentsCaption': 'Incidents ouverts, par priorité puis temps restant',
  'board.noOpenIncidents': 'Aucun incident ouvert.',
  'board.noMatch': 'Aucun incident ouvert pour ces filtres.',
  'board.more': 'Seuls les {count} premiers sont affichés : voir la liste complète.',
  'board.allIncidents': 'Tous les incidents',
  'board.newArrival': 'Nouveau',
  'board.arrived': 'Nouvel incident : {reference} ({priority}).',
  'board.clock': 'Délai',
  'board.where': 'Lieu',
  'board.readOnly': 'Tableau en lecture seule.',
  'board.triage': 'Tri rapide',
  'board.offline':
    'Connexion temps réel perdue : le tableau peut être en retard. Il se remettra à jour à la reconnexion.',
  'board.roomRacks': 'Baies',
  'board.roomSpace': 'Espace occupé',
  'board.roomPower': 'Puissance allouée',
  'board.roomIncidents': 'Incidents ouverts',
  'board.roomCalm': 'Aucune baie ne demande d’attention.',
  'board.roomAttention': 'Baies à surveiller dans {room}',
  'board.rackIncident': '1 incident ouvert',
  'board.rackIncidents': '{count} incidents ouverts',
  'board.rackPower': 'puissance à {value} % du budget',
  'board.roomMore': 'et {count} autres sur le plan de salle',
  'board.noRooms': 'Aucune salle dans l’inventaire.',
} as const;

type BoardMessageKey = keyof typeof boardMessagesFr;

export const boardMessagesEn: Record<BoardMessageKey, string> = {
  'board.sound': 'Sound when an incident arrives',
  'board.incidentsCaption': 'Open incidents, by priority then time left',
  'board.noOpenIncidents': 'No open incidents.',
  'board.noMatch': 'No open incident for these filters.',
  'board.more': 'Only the first {count} are shown: see the full list.',
  'board.allIncidents': 'All incidents',
  'board.newArrival': 'New',
  'board.arrived': 'New incident: {reference} ({priority}).',
  'board.clock': 'Clock',
  'board.where': 'Location',
  'board.readOnly': 'Read-only board.',
  'board.triage': 'Quick triage',
  'board.offline':
    'Live connection lost: the board may be behind. It catches up when the connection is back.',
  'board.roomRacks': 'Racks',
  'board.roomSpace': 'Space used',
  'board.roomPower': 'Power allocated',
  'board.roomIncidents': 'Open incidents',
  'board.roomCalm': 'No rack needs attention.',
  'board.roomAttention': 'Racks to watch in {room}',
  'board.rackIncident': '1 open incident',
  'board.rackIncidents': '{count} open incidents',
  'board.rackPower': 'power at {value}% of budget',
  'board.roomMore': 'and {count} more on the floor plan',
  'board.noRooms': 'No room in the inventory.',
};
