import type {
  CancellationReason,
  IncidentOrigin,
  PendingReason,
  ProcedureCategory,
  ResolutionCode,
} from '@vigie/shared';
import type { DemoDeviceRole } from './demo-device-catalogue.js';

/** Priorities the impact × urgency matrix gives; P0 majors are written by hand (see demo-incident-history-majors). */
export type MatrixPriority = 'P1' | 'P2' | 'P3' | 'P4';

/** What an incident of a scenario is about: names used in its texts. */
export interface ScenarioTarget {
  room: string;
  rack?: string;
  device?: string;
}

/**
 * Where it happens: one device of some roles, one rack (its tenant's), a row of racks in a room,
 * a whole room without a client rack named (no tenant), or the site's plant (no room).
 */
export type ScenarioScope =
  | { kind: 'device'; roles: readonly DemoDeviceRole[] }
  | { kind: 'rack' }
  | { kind: 'row'; racks: [number, number] }
  | { kind: 'room' }
  | { kind: 'plant' };

type Text = (target: ScenarioTarget) => string;
type Weighted<T> = readonly (readonly [T, number])[];

export interface IncidentScenario {
  key: string;
  category: ProcedureCategory;
  scope: ScenarioScope;
  /** Expected incidents a year, before the seasonal and weekly shapes. */
  perYear: number;
  /** Cooling trouble comes with the summer heat. */
  summer?: boolean;
  origins: Weighted<IncidentOrigin>;
  priorities: Weighted<MatrixPriority>;
  titles: readonly Text[];
  description: Text;
  /** Chance and reasons of a wait (pauses the clocks). */
  pending?: { chance: number; reasons: Weighted<PendingReason> };
  /** Chance of a workaround before the fix, and its wording. */
  workaround?: { chance: number; texts: readonly Text[] };
  resolutions: readonly { code: ResolutionCode; solution: Text }[];
  /** Chance that the incident turns out to be nothing (or a duplicate) and is cancelled. */
  cancellation?: { chance: number; reason: CancellationReason };
}

const onDevice = (t: ScenarioTarget) => `${t.device ?? '?'} (baie ${t.rack ?? '?'}, ${t.room})`;
const onRack = (t: ScenarioTarget) => `baie ${t.rack ?? '?'} (${t.room})`;

const servers: DemoDeviceRole[] = ['server'];
const storage: DemoDeviceRole[] = ['storage', 'storage-shelf'];
const switches: DemoDeviceRole[] = ['tor-switch', 'spine-switch', 'mgmt-switch'];
const edge: DemoDeviceRole[] = ['router', 'firewall', 'tor-switch', 'spine-switch'];

/** A year of a colocation site's everyday trouble, from the most to the least frequent. */
export const incidentScenarios: readonly IncidentScenario[] = [
  {
    key: 'disk-failure',
    category: 'hardware',
    scope: { kind: 'device', roles: [...servers, ...servers, ...storage] },
    perYear: 400,
    origins: [
      ['monitoring', 6],
      ['round', 2],
      ['client', 2],
    ],
    priorities: [
      ['P2', 5],
      ['P3', 70],
      ['P4', 25],
    ],
    titles: [
      (t) => `Disque en défaut sur ${t.device}`,
      (t) => `LED ambre disque, ${t.device}`,
      (t) => `Alerte RAID dégradé sur ${t.device}`,
    ],
    description: (t) =>
      `Un disque signale une panne prédictive ou est sorti de la grappe sur ${onDevice(t)}. ` +
      `La redondance tient ; remplacement à planifier avec le client.`,
    pending: {
      chance: 0.4,
      reasons: [
        ['parts', 6],
        ['client', 3],
        ['vendor', 1],
      ],
    },
    resolutions: [
      {
        code: 'replaced',
        solution: (t) => `Disque remplacé à chaud sur ${t.device}, reconstruction terminée.`,
      },
      {
        code: 'vendor_fixed',
        solution: (t) => `Le constructeur a remplacé le disque de ${t.device} sous contrat de support.`,
      },
    ],
  },
  {
    key: 'remote-hands',
    category: 'client-request',
    scope: { kind: 'device', roles: servers },
    perYear: 400,
    origins: [['client', 1]],
    priorities: [
      ['P3', 30],
      ['P4', 70],
    ],
    titles: [
      (t) => `Remote hands : redémarrage électrique de ${t.device}`,
      (t) => `Remote hands : vérification des voyants de ${t.device}`,
      (t) => `Remote hands : brancher une console sur ${t.device}`,
      (t) => `Remote hands : reseat du câble réseau de ${t.device}`,
    ],
    description: (t) =>
      `Demande du client pour ${onDevice(t)}. Intervention selon la procédure remote hands.`,
    pending: { chance: 0.2, reasons: [['client', 1]] },
    resolutions: [
      { code: 'client_resolved', solution: (t) => `Intervention faite sur ${t.device}, le client confirme.` },
      {
        code: 'repaired',
        solution: (t) => `Câble reconnecté et serveur ${t.device} redémarré, de nouveau joignable.`,
      },
    ],
  },
  {
    key: 'round-finding',
    category: 'inspection',
    scope: { kind: 'rack' },
    perYear: 250,
    origins: [['round', 1]],
    priorities: [
      ['P3', 10],
      ['P4', 90],
    ],
    titles: [
      (t) => `Ronde : obturateurs manquants en ${t.rack}`,
      (t) => `Ronde : porte arrière de ${t.rack} non verrouillée`,
      (t) => `Ronde : câblage gênant le flux d'air en ${t.rack}`,
      (t) => `Ronde : étiquetage absent en ${t.rack}`,
    ],
    description: (t) => `Constat de la ronde en ${onRack(t)}. Sans impact immédiat, à corriger.`,
    pending: {
      chance: 0.15,
      reasons: [
        ['client', 2],
        ['window', 1],
      ],
    },
    resolutions: [
      { code: 'repaired', solution: (t) => `Corrigé en ${t.rack} ; photo jointe à la ronde suivante.` },
      { code: 'client_resolved', solution: (t) => `Le client a remis en ordre ${t.rack} lors de sa visite.` },
    ],
  },
  {
    key: 'psu-failure',
    category: 'power',
    scope: { kind: 'device', roles: [...servers, ...servers, ...storage, ...switches] },
    perYear: 240,
    origins: [
      ['monitoring', 7],
      ['round', 3],
    ],
    priorities: [
      ['P2', 5],
      ['P3', 60],
      ['P4', 35],
    ],
    titles: [
      (t) => `Alimentation PSU2 en défaut sur ${t.device}`,
      (t) => `Perte de redondance électrique sur ${t.device}`,
    ],
    description: (t) =>
      `Une alimentation de ${onDevice(t)} ne délivre plus ; l'équipement tourne sur l'autre voie.`,
    pending: {
      chance: 0.3,
      reasons: [
        ['parts', 4],
        ['vendor', 1],
      ],
    },
    workaround: {
      chance: 0.4,
      texts: [(t) => `${t.device} rebranché sur la PDU de la voie A en attendant la pièce.`],
    },
    resolutions: [
      {
        code: 'replaced',
        solution: (t) => `PSU remplacée sur ${t.device}, les deux voies sont de nouveau actives.`,
      },
      { code: 'repaired', solution: (t) => `Cordon d'alimentation défectueux remplacé sur ${t.device}.` },
    ],
  },
  {
    key: 'link-down',
    category: 'network',
    scope: { kind: 'device', roles: edge },
    perYear: 190,
    origins: [
      ['monitoring', 7],
      ['client', 3],
    ],
    priorities: [
      ['P1', 4],
      ['P2', 35],
      ['P3', 45],
      ['P4', 16],
    ],
    titles: [
      (t) => `Lien montant down sur ${t.device}`,
      (t) => `Cross-connect opérateur coupé vers ${t.device}`,
      (t) => `Port en flapping sur ${t.device}`,
    ],
    description: (t) => `Perte de lien détectée sur ${onDevice(t)}. Le trafic passe par le chemin redondant.`,
    pending: {
      chance: 0.2,
      reasons: [
        ['vendor', 3],
        ['access', 1],
      ],
    },
    workaround: {
      chance: 0.35,
      texts: [(t) => `Trafic basculé sur le second lien de ${t.device}.`],
    },
    resolutions: [
      { code: 'replaced', solution: (t) => `Jarretière et optique remplacées sur ${t.device}.` },
      { code: 'vendor_fixed', solution: () => `L'opérateur a réparé la fibre coupée sur son réseau.` },
      { code: 'reconfigured', solution: (t) => `Négociation du port corrigée sur ${t.device}.` },
    ],
  },
  {
    key: 'server-unreachable',
    category: 'hardware',
    scope: { kind: 'device', roles: servers },
    perYear: 170,
    origins: [
      ['client', 6],
      ['monitoring', 4],
    ],
    priorities: [
      ['P1', 3],
      ['P2', 30],
      ['P3', 55],
      ['P4', 12],
    ],
    titles: [(t) => `Serveur ${t.device} injoignable`, (t) => `${t.device} bloqué au démarrage`],
    description: (t) => `${onDevice(t)} ne répond plus au ping ni à l'iDRAC/iLO.`,
    pending: {
      chance: 0.15,
      reasons: [
        ['client', 2],
        ['vendor', 1],
      ],
    },
    resolutions: [
      { code: 'repaired', solution: (t) => `Barrette mémoire réinsérée, ${t.device} redémarre normalement.` },
      {
        code: 'self_recovered',
        solution: (t) => `${t.device} est revenu seul après le redémarrage du client.`,
      },
      { code: 'client_resolved', solution: () => `Problème logiciel côté client, corrigé par ses équipes.` },
    ],
  },
  {
    key: 'hot-spot',
    category: 'cooling',
    scope: { kind: 'rack' },
    perYear: 140,
    summer: true,
    origins: [
      ['monitoring', 8],
      ['round', 2],
    ],
    priorities: [
      ['P2', 30],
      ['P3', 60],
      ['P4', 10],
    ],
    titles: [
      (t) => `Point chaud en ${t.rack} : 32 °C en face avant`,
      (t) => `Température d'entrée élevée en ${t.rack}`,
    ],
    description: (t) => `Les sondes de ${onRack(t)} dépassent le seuil ASHRAE recommandé.`,
    workaround: {
      chance: 0.5,
      texts: [(t) => `Dalles perforées ajoutées devant ${t.rack}, consigne de soufflage abaissée.`],
    },
    resolutions: [
      { code: 'reconfigured', solution: (t) => `Flux d'air rééquilibré dans l'allée froide de ${t.rack}.` },
      {
        code: 'repaired',
        solution: (t) => `Obturateurs posés et brosses de passage de câbles refaites en ${t.rack}.`,
      },
    ],
  },
  {
    key: 'optic-errors',
    category: 'network',
    scope: { kind: 'device', roles: switches },
    perYear: 130,
    origins: [['monitoring', 1]],
    priorities: [
      ['P3', 40],
      ['P4', 60],
    ],
    titles: [
      (t) => `Erreurs CRC sur un port de ${t.device}`,
      (t) => `Optique en alerte de puissance sur ${t.device}`,
    ],
    description: (t) => `Compteurs d'erreurs en hausse sur ${onDevice(t)}.`,
    pending: {
      chance: 0.2,
      reasons: [
        ['window', 2],
        ['parts', 1],
      ],
    },
    resolutions: [
      { code: 'replaced', solution: (t) => `Optique SFP28 remplacée sur ${t.device}.` },
      { code: 'no_fault_found', solution: () => `Compteurs remis à zéro, aucune erreur depuis 48 h.` },
    ],
  },
  {
    key: 'pdu-breaker',
    category: 'power',
    scope: { kind: 'rack' },
    perYear: 110,
    origins: [
      ['monitoring', 8],
      ['client', 2],
    ],
    priorities: [
      ['P1', 2],
      ['P2', 40],
      ['P3', 50],
      ['P4', 8],
    ],
    titles: [
      (t) => `Disjoncteur de PDU déclenché en ${t.rack}`,
      (t) => `Alarme de surcharge PDU-B en ${t.rack}`,
    ],
    description: (t) => `Une voie d'alimentation de ${onRack(t)} est coupée ou en surcharge.`,
    workaround: { chance: 0.3, texts: [(t) => `Charge répartie sur la voie A de ${t.rack}.`] },
    pending: { chance: 0.1, reasons: [['client', 1]] },
    resolutions: [
      {
        code: 'repaired',
        solution: (t) => `Disjoncteur réarmé après identification du serveur en court-circuit en ${t.rack}.`,
      },
      {
        code: 'reconfigured',
        solution: (t) => `Répartition des charges entre voies A et B refaite en ${t.rack}.`,
      },
    ],
  },
  {
    key: 'environment',
    category: 'environment',
    scope: { kind: 'room' },
    perYear: 90,
    origins: [
      ['monitoring', 8],
      ['round', 2],
    ],
    priorities: [
      ['P3', 30],
      ['P4', 70],
    ],
    titles: [(t) => `Hygrométrie hors plage en ${t.room}`, (t) => `Sonde de température muette en ${t.room}`],
    description: (t) => `Mesure d'environnement hors plage ou absente en ${t.room}.`,
    resolutions: [
      { code: 'repaired', solution: (t) => `Sonde remplacée en ${t.room}.` },
      { code: 'self_recovered', solution: () => `Valeur revenue dans la plage après la régulation.` },
    ],
  },
  {
    key: 'rack-over-budget',
    category: 'power',
    scope: { kind: 'rack' },
    perYear: 80,
    origins: [['monitoring', 1]],
    priorities: [
      ['P3', 40],
      ['P4', 60],
    ],
    titles: [(t) => `Consommation au-delà du budget en ${t.rack}`],
    description: (t) => `La puissance mesurée de ${onRack(t)} dépasse 90 % du budget contractuel.`,
    pending: { chance: 0.35, reasons: [['client', 1]] },
    resolutions: [
      { code: 'client_resolved', solution: (t) => `Le client a déplacé deux serveurs hors de ${t.rack}.` },
      { code: 'reconfigured', solution: (t) => `Budget de ${t.rack} relevé par avenant au contrat.` },
    ],
  },
  {
    key: 'cabling-request',
    category: 'client-request',
    scope: { kind: 'rack' },
    perYear: 80,
    origins: [['client', 1]],
    priorities: [
      ['P3', 20],
      ['P4', 80],
    ],
    titles: [(t) => `Demande de brassage en ${t.rack}`, (t) => `Cross-connect à livrer en ${t.rack}`],
    description: (t) => `Le client demande un brassage ou une interconnexion pour ${onRack(t)}.`,
    pending: {
      chance: 0.3,
      reasons: [
        ['vendor', 1],
        ['client', 1],
      ],
    },
    resolutions: [{ code: 'repaired', solution: (t) => `Brassage posé, testé et documenté en ${t.rack}.` }],
  },
  {
    key: 'crah-fault',
    category: 'cooling',
    scope: { kind: 'room' },
    perYear: 60,
    summer: true,
    origins: [
      ['monitoring', 7],
      ['round', 3],
    ],
    priorities: [
      ['P2', 30],
      ['P3', 70],
    ],
    titles: [
      (t) => `Armoire de climatisation CRAH-3 en défaut en ${t.room}`,
      (t) => `Alarme filtre encrassé sur une CRAH de ${t.room}`,
    ],
    description: (t) => `Une unité de climatisation de ${t.room} est en défaut ; la redondance N+1 tient.`,
    pending: {
      chance: 0.35,
      reasons: [
        ['vendor', 3],
        ['parts', 2],
      ],
    },
    resolutions: [
      { code: 'vendor_fixed', solution: () => `Le mainteneur a remplacé le ventilateur EC de l'unité.` },
      { code: 'repaired', solution: () => `Filtres remplacés, alarme acquittée.` },
    ],
  },
  {
    key: 'door-alarm',
    category: 'security',
    scope: { kind: 'plant' },
    perYear: 60,
    origins: [
      ['monitoring', 8],
      ['staff', 2],
    ],
    priorities: [
      ['P3', 50],
      ['P4', 50],
    ],
    titles: [
      () => `Alarme porte forcée, sas du quai de livraison`,
      () => `Porte de la salle UPS maintenue ouverte`,
    ],
    description: () => `Le contrôle d'accès signale une porte ouverte sans badge valide.`,
    resolutions: [
      { code: 'no_fault_found', solution: () => `Vidéo vérifiée : livreur accompagné, porte mal refermée.` },
      { code: 'repaired', solution: () => `Ventouse de porte réglée.` },
    ],
    cancellation: { chance: 0.2, reason: 'false_positive' },
  },
  {
    key: 'maintenance',
    category: 'maintenance',
    scope: { kind: 'plant' },
    perYear: 55,
    origins: [['staff', 1]],
    priorities: [
      ['P3', 40],
      ['P4', 60],
    ],
    titles: [
      () => `Essai mensuel du groupe électrogène : démarrage lent`,
      () => `Batteries UPS-2 en fin de vie (test d'autonomie)`,
      () => `Maintenance préventive du TGBT à replanifier`,
    ],
    description: () => `Constat lors d'une opération de maintenance planifiée.`,
    pending: {
      chance: 0.5,
      reasons: [
        ['window', 3],
        ['vendor', 2],
      ],
    },
    resolutions: [
      { code: 'vendor_fixed', solution: () => `Intervention du mainteneur, essai de recette concluant.` },
      { code: 'replaced', solution: () => `Chaîne de batteries remplacée, autonomie mesurée à 14 min.` },
    ],
  },
  {
    key: 'cctv-badge',
    category: 'security',
    scope: { kind: 'plant' },
    perYear: 45,
    origins: [
      ['monitoring', 5],
      ['round', 5],
    ],
    priorities: [['P4', 1]],
    titles: [() => `Caméra CCTV hors ligne, couloir technique`, () => `Lecteur de badge HS, sas d'entrée`],
    description: () => `Un équipement de sûreté ne répond plus.`,
    pending: { chance: 0.3, reasons: [['vendor', 1]] },
    resolutions: [{ code: 'replaced', solution: () => `Équipement remplacé par l'intégrateur sûreté.` }],
  },
  {
    key: 'client-access',
    category: 'access',
    scope: { kind: 'rack' },
    perYear: 40,
    origins: [['client', 1]],
    priorities: [
      ['P3', 30],
      ['P4', 70],
    ],
    titles: [
      (t) => `Badge d'un intervenant client refusé pour ${t.rack}`,
      (t) => `Clé de ${t.rack} introuvable`,
    ],
    description: (t) => `Un intervenant du client ne peut pas accéder à ${onRack(t)}.`,
    pending: { chance: 0.3, reasons: [['access', 1]] },
    resolutions: [
      { code: 'reconfigured', solution: () => `Droits d'accès mis à jour dans le contrôle d'accès.` },
    ],
  },
  {
    key: 'fire-pre-alert',
    category: 'fire',
    scope: { kind: 'room' },
    perYear: 30,
    origins: [['monitoring', 1]],
    priorities: [['P2', 1]],
    titles: [(t) => `Pré-alarme VESDA en ${t.room}`],
    description: (t) => `Le détecteur par aspiration signale des particules en ${t.room}.`,
    resolutions: [
      {
        code: 'no_fault_found',
        solution: () => `Levée de doute faite : poussière après des travaux, détecteur nettoyé.`,
      },
    ],
    cancellation: { chance: 0.45, reason: 'false_positive' },
  },
  {
    key: 'water-detection',
    category: 'water',
    scope: { kind: 'room' },
    perYear: 25,
    origins: [['monitoring', 1]],
    priorities: [['P2', 1]],
    titles: [(t) => `Câble de détection de fuite en alarme sous le faux plancher de ${t.room}`],
    description: (t) => `Le câble de détection signale de l'eau en ${t.room}.`,
    resolutions: [
      { code: 'repaired', solution: () => `Condensats d'une CRAH aspirés, bac de relevage débouché.` },
      { code: 'no_fault_found', solution: () => `Câble sec, tronçon défectueux remplacé.` },
    ],
    cancellation: { chance: 0.35, reason: 'false_positive' },
  },
  {
    key: 'ups-alarm',
    category: 'power',
    scope: { kind: 'plant' },
    perYear: 35,
    origins: [['monitoring', 1]],
    priorities: [
      ['P2', 30],
      ['P3', 70],
    ],
    titles: [() => `Onduleur UPS-1 passé en bypass`, () => `Alarme ventilation sur l'onduleur UPS-2`],
    description: () => `L'onduleur signale un défaut ; la charge reste alimentée.`,
    pending: { chance: 0.4, reasons: [['vendor', 1]] },
    resolutions: [
      { code: 'vendor_fixed', solution: () => `Carte de ventilation remplacée par le constructeur.` },
    ],
  },
  {
    key: 'partial-cooling-loss',
    category: 'cooling',
    scope: { kind: 'row', racks: [3, 6] },
    perYear: 8,
    summer: true,
    origins: [['monitoring', 1]],
    priorities: [['P1', 1]],
    titles: [(t) => `Perte de refroidissement sur une rangée de ${t.room}`],
    description: (t) =>
      `Deux CRAH de ${t.room} à l'arrêt ; la température d'entrée des baies de la rangée monte de 1 °C toutes les 5 min.`,
    workaround: { chance: 0.9, texts: [() => `Portes d'allée ouvertes et ventilation mobile en place.`] },
    resolutions: [
      {
        code: 'repaired',
        solution: () => `Alimentation des CRAH rétablie, températures revenues sous 27 °C.`,
      },
    ],
  },
];
