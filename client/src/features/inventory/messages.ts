/*
 * Inventory messages added with the one search box (`inventorySearch.*`), the capacity panels
 * (`capacity.*`) and the batched device-type import (`importBatch.*`), spread into the app
 * dictionaries in lib/i18n/messages-{fr,en}.ts. French is the default; English has the same keys.
 */
export const inventoryMessagesFr = {
  'inventorySearch.label': 'Recherche dans l’inventaire',
  'inventorySearch.placeholder': 'Site, baie, équipement, n° de série, n° d’inventaire',
  'inventorySearch.hint':
    'Au moins 2 caractères. Flèches pour parcourir, Entrée pour ouvrir, Échap pour fermer.',
  'inventorySearch.results': 'Résultats de la recherche',
  'inventorySearch.sites': 'Sites',
  'inventorySearch.racks': 'Baies',
  'inventorySearch.devices': 'Équipements',
  'inventorySearch.searching': 'Recherche…',
  'inventorySearch.none': 'Aucun site, baie ni équipement pour « {query} ».',
  'inventorySearch.count': '{count} résultat(s).',
  'inventorySearch.error': 'La recherche a échoué.',
  'inventorySearch.serial': 'n° de série {serial}',
  'inventorySearch.assetTag': 'n° d’inventaire {tag}',
  'inventorySearch.rackIn': 'rangée {row}',
  'inventorySearch.moreRacks': 'Toutes les baies pour « {query} »',
  'inventorySearch.moreDevices': 'Tous les équipements pour « {query} »',

  'capacity.title': 'Capacité',
  'capacity.space': 'Espace',
  'capacity.power': 'Puissance',
  'capacity.weight': 'Poids',
  'capacity.racks': 'Baies',
  'capacity.units': '{used} U occupés sur {total} U, {free} U libres',
  'capacity.kw': '{allocated} kW alloués sur {budget} kW',
  'capacity.kg': '{weight} kg sur {max} kg',
  'capacity.percent': '{value} %',
  'capacity.noLimit': 'aucune limite définie',
  'capacity.over': 'dépassement',
  'capacity.loadError': 'Impossible de charger la capacité.',
  'capacity.roomTotals': 'Total de la salle ({count} baies)',
  'capacity.rowsCaption': 'Capacité par rangée de {name}',
  'capacity.row': 'Rangée {row}',
  'capacity.siteTotals': 'Total du site ({count} baies)',
  'capacity.roomsCaption': 'Capacité par salle de {name}',
  'capacity.noRacks': 'Aucune baie : rien à compter.',
  'capacity.siteLink': 'Capacité de {name}',
  'capacity.siteTitle': 'Site {name}',

  'importBatch.progress': 'Envoi des fichiers : lot {batch} sur {batches} ({percent} %)',
  'importBatch.stopped':
    'L’import s’est arrêté : {unsent} fichier(s) non envoyé(s). Les résultats ci-dessous restent acquis ; relancez l’import pour envoyer les fichiers restants.',
} as const;

type InventoryMessageKey = keyof typeof inventoryMessagesFr;

export const inventoryMessagesEn: Record<InventoryMessageKey, string> = {
  'inventorySearch.label': 'Search the inventory',
  'inventorySearch.placeholder': 'Site, rack, device, serial number, asset tag',
  'inventorySearch.hint': 'At least 2 characters. Arrows to browse, Enter to open, Escape to close.',
  'inventorySearch.results': 'Search results',
  'inventorySearch.sites': 'Sites',
  'inventorySearch.racks': 'Racks',
  'inventorySearch.devices': 'Devices',
  'inventorySearch.searching': 'Searching…',
  'inventorySearch.none': 'No site, rack or device for “{query}”.',
  'inventorySearch.count': '{count} result(s).',
  'inventorySearch.error': 'The search failed.',
  'inventorySearch.serial': 'serial {serial}',
  'inventorySearch.assetTag': 'asset tag {tag}',
  'inventorySearch.rackIn': 'row {row}',
  'inventorySearch.moreRacks': 'All racks for “{query}”',
  'inventorySearch.moreDevices': 'All devices for “{query}”',

  'capacity.title': 'Capacity',
  'capacity.space': 'Space',
  'capacity.power': 'Power',
  'capacity.weight': 'Weight',
  'capacity.racks': 'Racks',
  'capacity.units': '{used} U used of {total} U, {free} U free',
  'capacity.kw': '{allocated} kW allocated of {budget} kW',
  'capacity.kg': '{weight} kg of {max} kg',
  'capacity.percent': '{value}%',
  'capacity.noLimit': 'no limit set',
  'capacity.over': 'over the limit',
  'capacity.loadError': 'The capacity could not be loaded.',
  'capacity.roomTotals': 'Room total ({count} racks)',
  'capacity.rowsCaption': 'Capacity per row of {name}',
  'capacity.row': 'Row {row}',
  'capacity.siteTotals': 'Site total ({count} racks)',
  'capacity.roomsCaption': 'Capacity per room of {name}',
  'capacity.noRacks': 'No rack: nothing to count.',
  'capacity.siteLink': 'Capacity of {name}',
  'capacity.siteTitle': 'Site {name}',

  'importBatch.progress': 'Sending files: batch {batch} of {batches} ({percent}%)',
  'importBatch.stopped':
    'The import stopped: {unsent} file(s) not sent. The results below stand; run the import again to send the remaining files.',
};
