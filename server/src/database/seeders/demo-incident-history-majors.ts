import type { PendingReason, ProcedureCategory, ResolutionCode } from '@vigie/shared';
import type { DemoDeviceRole } from './demo-device-catalogue.js';
import type { DemoTenantCode } from './demo-tenant-profiles.js';

/** What a major incident hits: a room (and racks of some rows), or one tenant's device of a role. */
export type MajorScope =
  | { kind: 'rows'; room: string; rows: readonly string[] }
  | { kind: 'device'; tenant: DemoTenantCode; roles: readonly DemoDeviceRole[] };

/** A P0 of the past year, written by hand: majors are few and each one is remembered. */
export interface MajorIncident {
  /** Roughly when, in days before the demo's "now" (the hour is drawn). */
  daysAgo: number;
  category: ProcedureCategory;
  scope: MajorScope;
  title: string;
  description: string;
  /** Minutes from opening to the workaround that restores service, then to the permanent fix. */
  restoreMinutes: number;
  resolveMinutes: number;
  workaround: string;
  /** A wait before the permanent fix, when there is one. */
  pending?: { reason: PendingReason; minutes: number; comment: string };
  resolutionCode: ResolutionCode;
  solution: string;
  rootCause: string;
  notes: readonly string[];
}

export const majorIncidents: readonly MajorIncident[] = [
  {
    daysAgo: 301,
    category: 'power',
    scope: { kind: 'rows', room: 'Salle B', rows: ['K', 'H'] },
    title: `Arrêt d'urgence électrique déclenché en Salle B`,
    description: `Coupure totale des deux voies d'alimentation sur les rangées H et K de la Salle B après l'action d'un bouton d'arrêt d'urgence.`,
    restoreMinutes: 52,
    resolveMinutes: 210,
    workaround: `Voies A et B réarmées baie par baie, serveurs redémarrés avec les équipes clients.`,
    resolutionCode: 'repaired',
    solution: `Circuit d'arrêt d'urgence contrôlé et réarmé ; toutes les baies alimentées sur deux voies.`,
    rootCause:
      `Bouton d'arrêt d'urgence de la porte de Salle B actionné par un chariot lors d'une livraison : ` +
      `le capot de protection manquait depuis les travaux de décembre. Actions : capots posés sur tous les AU, ` +
      `contrôle ajouté à la ronde quotidienne.`,
    notes: [
      `Cellule de crise ouverte, clients prévenus par téléphone.`,
      `Point de situation toutes les 30 minutes avec les clients concernés.`,
    ],
  },
  {
    daysAgo: 222,
    category: 'fire',
    scope: { kind: 'rows', room: 'Salle B', rows: ['K'] },
    title: `Départ de feu sur une PDU en rangée K, extinction gaz déclenchée`,
    description: `Fumée détectée par la VESDA puis par les détecteurs ponctuels ; l'extinction au gaz inerte s'est déclenchée en Salle B.`,
    restoreMinutes: 95,
    resolveMinutes: 1_260,
    workaround: `Salle ventilée et contrôlée par les pompiers ; baies de la rangée K réalimentées sauf la baie sinistrée.`,
    pending: {
      reason: 'parts',
      minutes: 720,
      comment: `PDU de remplacement et cordons en livraison express.`,
    },
    resolutionCode: 'replaced',
    solution: `PDU et cordons remplacés, thermographie de toute la rangée K sans point chaud.`,
    rootCause:
      `Échauffement d'une prise C19 mal enfichée sur la PDU-B (connecteur fondu). Actions : prises à verrouillage ` +
      `généralisées, contrôle thermographique trimestriel des PDU.`,
    notes: [
      `Pompiers sur place, levée de doute en cours.`,
      `Réservoirs de gaz à recharger : commande passée.`,
    ],
  },
  {
    daysAgo: 148,
    category: 'cooling',
    scope: { kind: 'rows', room: 'Salle A', rows: ['A', 'B', 'C'] },
    title: `Perte du refroidissement en Salle A : arrêt des deux groupes froids`,
    description: `Les deux groupes froids sont à l'arrêt pendant la canicule ; la température d'entrée des baies dépasse 35 °C en rangées A à C.`,
    restoreMinutes: 78,
    resolveMinutes: 2_880,
    workaround: `Groupe froid 1 redémarré en mode manuel, portes d'allée ouvertes et ventilation mobile en place.`,
    pending: {
      reason: 'vendor',
      minutes: 1_440,
      comment: `Technicien du constructeur du groupe froid attendu demain matin.`,
    },
    resolutionCode: 'vendor_fixed',
    solution: `Carte de régulation du groupe froid 2 et vanne trois voies du groupe 1 remplacées, bascule testée.`,
    rootCause:
      `Défaut de la carte de régulation du groupe froid 2 ; la vanne trois voies du groupe 1, grippée, a empêché la ` +
      `reprise automatique. Actions : essai de bascule ajouté à la maintenance mensuelle.`,
    notes: [
      `Clients des rangées A à C invités à réduire leur charge non critique.`,
      `Températures revenues sous 27 °C.`,
    ],
  },
  {
    daysAgo: 79,
    category: 'water',
    scope: { kind: 'rows', room: 'Salle B', rows: ['J'] },
    title: `Fuite d'eau glacée sous le faux plancher de la Salle B, rangée J`,
    description: `Le câble de détection et la ronde confirment de l'eau sous la rangée J ; le niveau monte vers les boîtes de dérivation.`,
    restoreMinutes: 40,
    resolveMinutes: 600,
    workaround: `Vanne d'isolement de la CRAH-4 fermée, eau aspirée, boîtes de dérivation surélevées.`,
    resolutionCode: 'repaired',
    solution: `Raccord remplacé, circuit remis en eau et en pression, détection sèche sur toute la rangée.`,
    rootCause:
      `Rupture d'un raccord à sertir sur le départ d'eau glacée de la CRAH-4 (défaut de sertissage du lot). ` +
      `Actions : contrôle de tous les raccords du même lot, détection étendue sous la rangée J.`,
    notes: [`Client prévenu : aucune baie touchée par l'eau.`],
  },
  {
    daysAgo: 31,
    category: 'hardware',
    scope: { kind: 'device', tenant: 'NOVA', roles: ['storage'] },
    title: `Suspicion de perte de données : double panne contrôleur sur une baie de stockage`,
    description: `Les deux contrôleurs de la baie de stockage sont tombés pendant une intervention constructeur ; volumes hors ligne.`,
    restoreMinutes: 64,
    resolveMinutes: 420,
    workaround: `Contrôleur A redémarré seul, volumes remontés en lecture seule puis en écriture après contrôle.`,
    resolutionCode: 'vendor_fixed',
    solution: `Firmware aligné sur les deux contrôleurs ; vérification d'intégrité complète sans perte de données.`,
    rootCause:
      `Mise à jour du firmware du contrôleur B appliquée par le constructeur pendant le remplacement du contrôleur A. ` +
      `Actions : toute intervention sur contrôleur passe par une MOP validée.`,
    notes: [`Astreinte stockage du client mobilisée.`, `Vérification d'intégrité lancée par le client.`],
  },
];
