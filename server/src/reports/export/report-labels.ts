import type {
  BacklogAgeBucket,
  IncidentOrigin,
  IncidentStatus,
  Locale,
  PendingReason,
  ProcedureCategory,
  RunState,
  Shift,
  SlaMetric,
  StepOutcome,
} from '@vigie/shared';

/** The names of the figures, as rows of the summary and of the PDF's sections. */
export type FigureLabel =
  | 'adherence'
  | 'met'
  | 'ended'
  | 'count'
  | 'mean'
  | 'p90'
  | 'total'
  | 'major'
  | 'availability'
  | 'periodMinutes'
  | 'impactMinutes'
  | 'plannedRuns'
  | 'plannedMinutes'
  | 'changesTotal'
  | 'successful'
  | 'rolledBack'
  | 'withIncident'
  | 'aborted'
  | 'success'
  | 'signed'
  | 'compliant'
  | 'missingReading'
  | 'missingEvidence'
  | 'unverified'
  | 'skipped'
  | 'deviations'
  | 'rate'
  | 'due'
  | 'onTime'
  | 'late'
  | 'missed'
  | 'cancelled'
  | 'completion'
  | 'lateness'
  | 'open'
  | 'runs'
  | 'steps'
  | 'resolved'
  | 'reopened'
  | 'reopenRate'
  | 'escalations';

/** The words of the steering report's exports (PDF and CSV), in French and English. */
export interface ReportLabels {
  title: string;
  subtitle: string;
  overview: string;
  client: string;
  contract: string;
  noContract: string;
  serviceHours: string;
  contractValidity: string;
  openEnded: string;
  site: string;
  allSites: string;
  period: string;
  previousPeriod: string;
  timeZone: string;
  generatedAt: string;
  keyFigures: string;
  footer: string;
  /** "from X to Y" */
  range: (from: string, to: string) => string;
  since: (date: string) => string;
  until: (date: string) => string;
  serviceHoursKinds: Record<string, string>;
  sections: {
    summary: string;
    sla: string;
    responseTimes: string;
    volume: string;
    availability: string;
    changes: string;
    compliance: string;
    recurring: string;
    backlog: string;
    team: string;
  };
  lists: {
    breaches: string;
    majorIncidents: string;
    plannedWork: string;
    stepExceptions: string;
    teamMembers: string;
    byCategory: string;
    byRoom: string;
    byAge: string;
    pending: string;
    /** "12 shown of 40" */
    shownOf: (shown: number, total: number) => string;
    none: string;
  };
  charts: {
    incidentsPerWeek: string;
    slaTrend: string;
    responseTrend: string;
    recurringPerWeek: string;
    availabilityPerWeek: string;
    week: string;
    incidents: string;
    percent: string;
    minutes: string;
    noData: string;
  };
  columns: {
    section: string;
    indicator: string;
    unit: string;
    current: string;
    previous: string;
    change: string;
    currentCount: string;
    currentOf: string;
    previousCount: string;
    previousOf: string;
    trend: string;
    age: string;
    total: string;
    metric: string;
    priority: string;
    met: string;
    ended: string;
    adherence: string;
    count: string;
    mean: string;
    p90: string;
    reference: string;
    incidentTitle: string;
    status: string;
    target: string;
    elapsed: string;
    dueAt: string;
    breachedAt: string;
    stoppedAt: string;
    openedAt: string;
    restoredAt: string;
    resolvedAt: string;
    duration: string;
    rootCause: string;
    workaround: string;
    dimension: string;
    value: string;
    run: string;
    procedure: string;
    procedureTitle: string;
    state: string;
    startedAt: string;
    endedAt: string;
    minutes: string;
    step: string;
    outcome: string;
    deviation: string;
    reason: string;
    comment: string;
    performedAt: string;
    performedBy: string;
    work: string;
    category: string;
    detail: string;
    person: string;
    runs: string;
    steps: string;
    weekStart: string;
    incidentsOf: (priority: string) => string;
    slaOf: (metric: string) => string;
    mtta: string;
    mttr: string;
    recurring: string;
    availability: string;
  };
  units: { percent: string; minutes: string; count: string };
  /** PDF column headers whose cells carry their own unit. */
  pdf: { previousShort: string; targetElapsed: string; duration: string };
  trend: { better: string; worse: string; same: string; up: string; down: string };
  yes: string;
  no: string;
  dimensions: { priority: string; origin: string; category: string; room: string };
  noCategory: string;
  noRoom: string;
  work: { all: string; rounds: string; maintenance: string };
  backlogKinds: { open: string; pending: string };
  metrics: Record<SlaMetric, string>;
  /** MTTA / MTTRestore / MTTR by metric. */
  responseNames: Record<SlaMetric, string>;
  figures: Record<FigureLabel, string>;
  origins: Record<IncidentOrigin, string>;
  categories: Record<ProcedureCategory, string>;
  pendingReasons: Record<PendingReason, string>;
  ageBuckets: Record<BacklogAgeBucket, string>;
  shifts: Record<Shift, string>;
  runStates: Record<RunState, string>;
  outcomes: Record<StepOutcome, string>;
  statuses: Record<IncidentStatus, string>;
}

const fr: ReportLabels = {
  title: 'Comité de pilotage',
  subtitle: 'Rapport de service',
  overview: 'Vue d’ensemble de l’exploitation (tous les clients)',
  client: 'Client',
  contract: 'Contrat',
  noContract: 'aucun contrat actif',
  serviceHours: 'Heures de service',
  contractValidity: 'Validité du contrat',
  openEnded: 'sans échéance',
  site: 'Site',
  allSites: 'tous les sites',
  period: 'Période',
  previousPeriod: 'Période précédente',
  timeZone: 'Fuseau horaire',
  generatedAt: 'Généré le',
  keyFigures: 'Chiffres clés',
  footer: 'Vigie · comité de pilotage',
  range: (from, to) => `du ${from} au ${to}`,
  since: (date) => `depuis le ${date}`,
  until: (date) => `jusqu’au ${date}`,
  serviceHoursKinds: { '24x7': '24 h/24, 7 j/7', business_hours: 'heures ouvrées' },
  sections: {
    summary: 'Synthèse',
    sla: 'Respect des SLA',
    responseTimes: 'Délais de prise en compte, de rétablissement et de résolution',
    volume: 'Volume d’incidents',
    availability: 'Disponibilité',
    changes: 'Réussite des changements',
    compliance: 'Conformité aux procédures',
    recurring: 'Travaux récurrents',
    backlog: 'Stock d’incidents ouverts',
    team: 'Activité de l’équipe',
  },
  lists: {
    breaches: 'Dépassements de SLA',
    majorIncidents: 'Incidents majeurs',
    plannedWork: 'Travaux planifiés (MOP), hors indisponibilité',
    stepExceptions: 'Étapes sautées, non applicables, en échec ou en écart',
    teamMembers: 'Activité par personne',
    byCategory: 'Par catégorie',
    byRoom: 'Par salle',
    byAge: 'Incidents ouverts par ancienneté et priorité',
    pending: 'Temps en attente par motif',
    shownOf: (shown, total) => `${shown} affichés sur ${total} (le détail complet est dans l’application)`,
    none: 'Aucun sur la période.',
  },
  charts: {
    incidentsPerWeek: 'Incidents ouverts par semaine et priorité',
    slaTrend: 'Respect des SLA par semaine',
    responseTrend: 'MTTA et MTTR moyens par semaine',
    recurringPerWeek: 'Travaux récurrents faits à l’heure par semaine',
    availabilityPerWeek: 'Disponibilité par semaine',
    week: 'Semaine du',
    incidents: 'incidents',
    percent: '%',
    minutes: 'minutes',
    noData: 'pas de mesure',
  },
  columns: {
    section: 'Rubrique',
    indicator: 'Indicateur',
    unit: 'Unité',
    current: 'Période',
    previous: 'Période précédente',
    change: 'Écart',
    currentCount: 'Période (nombre)',
    currentOf: 'Période (sur)',
    previousCount: 'Période précédente (nombre)',
    previousOf: 'Période précédente (sur)',
    trend: 'Tendance',
    age: 'Ancienneté',
    total: 'Total',
    metric: 'Mesure',
    priority: 'Priorité',
    met: 'Respectés',
    ended: 'Terminés',
    adherence: 'Respect (%)',
    count: 'Nombre',
    mean: 'Moyenne (min)',
    p90: '90e centile (min)',
    reference: 'Référence',
    incidentTitle: 'Intitulé',
    status: 'Statut',
    target: 'Objectif (min)',
    elapsed: 'Écoulé (min)',
    dueAt: 'Échéance',
    breachedAt: 'Dépassé le',
    stoppedAt: 'Arrêté le',
    openedAt: 'Ouvert le',
    restoredAt: 'Rétabli le',
    resolvedAt: 'Résolu le',
    duration: 'Durée (min)',
    rootCause: 'Cause racine',
    workaround: 'Contournement',
    dimension: 'Axe',
    value: 'Valeur',
    run: 'Exécution',
    procedure: 'Procédure',
    procedureTitle: 'Titre de la procédure',
    state: 'État',
    startedAt: 'Début',
    endedAt: 'Fin',
    minutes: 'Minutes',
    step: 'Étape',
    outcome: 'Résultat',
    deviation: 'Écart',
    reason: 'Motif',
    comment: 'Commentaire',
    performedAt: 'Signée le',
    performedBy: 'Signée par',
    work: 'Travaux',
    category: 'Catégorie',
    detail: 'Détail',
    person: 'Personne',
    runs: 'Exécutions',
    steps: 'Étapes signées',
    weekStart: 'Semaine du',
    incidentsOf: (priority) => `Incidents ${priority}`,
    slaOf: (metric) => `Respect ${metric} (%)`,
    mtta: 'MTTA moyen (min)',
    mttr: 'MTTR moyen (min)',
    recurring: 'Récurrents à l’heure (%)',
    availability: 'Disponibilité (%)',
  },
  units: { percent: '%', minutes: 'min', count: 'nombre' },
  pdf: { previousShort: 'Préc.', targetElapsed: 'Objectif / écoulé', duration: 'Durée' },
  trend: { better: 'mieux', worse: 'moins bien', same: 'stable', up: 'hausse', down: 'baisse' },
  yes: 'oui',
  no: 'non',
  dimensions: { priority: 'Priorité', origin: 'Origine', category: 'Catégorie', room: 'Salle' },
  noCategory: 'sans catégorie',
  noRoom: 'sans salle',
  work: { all: 'Tous', rounds: 'Rondes', maintenance: 'Maintenance' },
  backlogKinds: { open: 'Incidents ouverts', pending: 'Minutes en attente' },
  metrics: { ack: 'Prise en compte (TTO)', restore: 'Rétablissement', resolve: 'Résolution (TTR)' },
  responseNames: { ack: 'MTTA', restore: 'MTTRestore', resolve: 'MTTR' },
  figures: {
    adherence: 'Respect',
    met: 'Respectés',
    ended: 'Terminés dans la période',
    count: 'Mesures',
    mean: 'Moyenne',
    p90: '90e centile',
    total: 'Incidents ouverts',
    major: 'dont majeurs (P0)',
    availability: 'Disponibilité',
    periodMinutes: 'Minutes de la période',
    impactMinutes: 'Minutes d’impact non planifié',
    plannedRuns: 'Travaux planifiés',
    plannedMinutes: 'Minutes de travaux planifiés',
    changesTotal: 'Changements (MOP) terminés',
    successful: 'Réussis',
    rolledBack: 'Avec retour arrière',
    withIncident: 'Ayant causé un incident',
    aborted: 'Abandonnés',
    success: 'Taux de réussite',
    signed: 'Étapes signées',
    compliant: 'Conformes',
    missingReading: 'Relevé manquant',
    missingEvidence: 'Preuve manquante',
    unverified: 'Étape critique non vérifiée',
    skipped: 'Sautées ou non applicables',
    deviations: 'Écarts déclarés',
    rate: 'Taux de conformité',
    due: 'Dues',
    onTime: 'Faites à l’heure',
    late: 'Faites en retard',
    missed: 'Manquées',
    cancelled: 'Annulées',
    completion: 'Taux à l’heure',
    lateness: 'Retard moyen',
    open: 'Incidents ouverts en fin de période',
    runs: 'Exécutions démarrées',
    steps: 'Étapes signées',
    resolved: 'Incidents résolus',
    reopened: 'Réouvertures',
    reopenRate: 'Taux de réouverture',
    escalations: 'Escalades',
  },
  origins: { monitoring: 'Supervision', client: 'Client', round: 'Ronde', staff: 'Équipe' },
  categories: {
    cooling: 'Refroidissement',
    power: 'Énergie',
    fire: 'Incendie',
    water: 'Eau',
    environment: 'Environnement',
    network: 'Réseau',
    hardware: 'Matériel',
    security: 'Sûreté',
    access: 'Accès',
    'client-request': 'Demande client',
    inspection: 'Inspection',
    maintenance: 'Maintenance',
  },
  pendingReasons: {
    client: 'Client',
    vendor: 'Fournisseur',
    parts: 'Pièces',
    window: 'Fenêtre d’intervention',
    access: 'Accès',
  },
  ageBuckets: {
    lt1d: 'moins d’1 jour',
    d1to7: '1 à 7 jours',
    d7to30: '7 à 30 jours',
    gt30d: 'plus de 30 jours',
  },
  shifts: { morning: 'Matin (7 h–15 h)', afternoon: 'Après-midi (15 h–23 h)', night: 'Nuit (23 h–7 h)' },
  runStates: { in_progress: 'en cours', completed: 'terminée', aborted: 'abandonnée' },
  outcomes: { done: 'fait', failed: 'échec', skipped: 'sautée', not_applicable: 'non applicable' },
  statuses: {
    new: 'nouveau',
    acknowledged: 'pris en compte',
    in_progress: 'en cours',
    pending: 'en attente',
    mitigated: 'contourné',
    resolved: 'résolu',
    closed: 'clos',
    reopened: 'réouvert',
    cancelled: 'annulé',
  },
};

const en: ReportLabels = {
  title: 'Steering committee',
  subtitle: 'Service report',
  overview: 'Site-wide overview (every client)',
  client: 'Client',
  contract: 'Contract',
  noContract: 'no active contract',
  serviceHours: 'Service hours',
  contractValidity: 'Contract validity',
  openEnded: 'open-ended',
  site: 'Site',
  allSites: 'all sites',
  period: 'Period',
  previousPeriod: 'Previous period',
  timeZone: 'Time zone',
  generatedAt: 'Generated',
  keyFigures: 'Key figures',
  footer: 'Vigie · steering committee',
  range: (from, to) => `${from} to ${to}`,
  since: (date) => `from ${date}`,
  until: (date) => `until ${date}`,
  serviceHoursKinds: { '24x7': '24/7', business_hours: 'business hours' },
  sections: {
    summary: 'Summary',
    sla: 'SLA adherence',
    responseTimes: 'Time to acknowledge, restore and resolve',
    volume: 'Incident volume',
    availability: 'Availability',
    changes: 'Change success',
    compliance: 'Procedure compliance',
    recurring: 'Recurring work',
    backlog: 'Open incident backlog',
    team: 'Team activity',
  },
  lists: {
    breaches: 'SLA breaches',
    majorIncidents: 'Major incidents',
    plannedWork: 'Planned work (MOP), not counted as downtime',
    stepExceptions: 'Steps skipped, not applicable, failed or deviating',
    teamMembers: 'Activity per person',
    byCategory: 'By category',
    byRoom: 'By room',
    byAge: 'Open incidents by age and priority',
    pending: 'Pending time by reason',
    shownOf: (shown, total) => `${shown} shown of ${total} (the full detail is in the application)`,
    none: 'None in the period.',
  },
  charts: {
    incidentsPerWeek: 'Incidents opened per week by priority',
    slaTrend: 'SLA adherence per week',
    responseTrend: 'Mean MTTA and MTTR per week',
    recurringPerWeek: 'Recurring work done on time per week',
    availabilityPerWeek: 'Availability per week',
    week: 'Week of',
    incidents: 'incidents',
    percent: '%',
    minutes: 'minutes',
    noData: 'not measured',
  },
  columns: {
    section: 'Section',
    indicator: 'Indicator',
    unit: 'Unit',
    current: 'Period',
    previous: 'Previous period',
    change: 'Change',
    currentCount: 'Period (count)',
    currentOf: 'Period (out of)',
    previousCount: 'Previous period (count)',
    previousOf: 'Previous period (out of)',
    trend: 'Trend',
    age: 'Age',
    total: 'Total',
    metric: 'Metric',
    priority: 'Priority',
    met: 'Met',
    ended: 'Ended',
    adherence: 'Adherence (%)',
    count: 'Count',
    mean: 'Mean (min)',
    p90: '90th percentile (min)',
    reference: 'Reference',
    incidentTitle: 'Title',
    status: 'Status',
    target: 'Target (min)',
    elapsed: 'Elapsed (min)',
    dueAt: 'Due',
    breachedAt: 'Breached',
    stoppedAt: 'Stopped',
    openedAt: 'Opened',
    restoredAt: 'Restored',
    resolvedAt: 'Resolved',
    duration: 'Duration (min)',
    rootCause: 'Root cause',
    workaround: 'Workaround',
    dimension: 'Dimension',
    value: 'Value',
    run: 'Run',
    procedure: 'Procedure',
    procedureTitle: 'Procedure title',
    state: 'State',
    startedAt: 'Started',
    endedAt: 'Ended',
    minutes: 'Minutes',
    step: 'Step',
    outcome: 'Outcome',
    deviation: 'Deviation',
    reason: 'Reason',
    comment: 'Comment',
    performedAt: 'Signed',
    performedBy: 'Signed by',
    work: 'Work',
    category: 'Category',
    detail: 'Detail',
    person: 'Person',
    runs: 'Runs',
    steps: 'Steps signed',
    weekStart: 'Week of',
    incidentsOf: (priority) => `${priority} incidents`,
    slaOf: (metric) => `${metric} adherence (%)`,
    mtta: 'Mean MTTA (min)',
    mttr: 'Mean MTTR (min)',
    recurring: 'Recurring on time (%)',
    availability: 'Availability (%)',
  },
  units: { percent: '%', minutes: 'min', count: 'count' },
  pdf: { previousShort: 'Prev.', targetElapsed: 'Target / elapsed', duration: 'Duration' },
  trend: { better: 'better', worse: 'worse', same: 'unchanged', up: 'up', down: 'down' },
  yes: 'yes',
  no: 'no',
  dimensions: { priority: 'Priority', origin: 'Origin', category: 'Category', room: 'Room' },
  noCategory: 'no category',
  noRoom: 'no room',
  work: { all: 'All', rounds: 'Rounds', maintenance: 'Maintenance' },
  backlogKinds: { open: 'Open incidents', pending: 'Pending minutes' },
  metrics: { ack: 'Acknowledge (TTO)', restore: 'Restore', resolve: 'Resolve (TTR)' },
  responseNames: { ack: 'MTTA', restore: 'MTTRestore', resolve: 'MTTR' },
  figures: {
    adherence: 'Adherence',
    met: 'Met',
    ended: 'Ended in the period',
    count: 'Samples',
    mean: 'Mean',
    p90: '90th percentile',
    total: 'Incidents opened',
    major: 'of which major (P0)',
    availability: 'Availability',
    periodMinutes: 'Minutes in the period',
    impactMinutes: 'Unplanned impact minutes',
    plannedRuns: 'Planned work runs',
    plannedMinutes: 'Planned work minutes',
    changesTotal: 'Changes (MOP) ended',
    successful: 'Successful',
    rolledBack: 'Rolled back',
    withIncident: 'Caused an incident',
    aborted: 'Aborted',
    success: 'Success rate',
    signed: 'Steps signed',
    compliant: 'Compliant',
    missingReading: 'Reading missing',
    missingEvidence: 'Evidence missing',
    unverified: 'Critical step not verified',
    skipped: 'Skipped or not applicable',
    deviations: 'Declared deviations',
    rate: 'Compliance rate',
    due: 'Due',
    onTime: 'Done on time',
    late: 'Done late',
    missed: 'Missed',
    cancelled: 'Cancelled',
    completion: 'On-time rate',
    lateness: 'Mean lateness',
    open: 'Incidents open at the end',
    runs: 'Runs started',
    steps: 'Steps signed',
    resolved: 'Incidents resolved',
    reopened: 'Reopenings',
    reopenRate: 'Reopen rate',
    escalations: 'Escalations',
  },
  origins: { monitoring: 'Monitoring', client: 'Client', round: 'Round', staff: 'Staff' },
  categories: {
    cooling: 'Cooling',
    power: 'Power',
    fire: 'Fire',
    water: 'Water',
    environment: 'Environment',
    network: 'Network',
    hardware: 'Hardware',
    security: 'Security',
    access: 'Access',
    'client-request': 'Client request',
    inspection: 'Inspection',
    maintenance: 'Maintenance',
  },
  pendingReasons: {
    client: 'Client',
    vendor: 'Vendor',
    parts: 'Parts',
    window: 'Work window',
    access: 'Access',
  },
  ageBuckets: { lt1d: 'under 1 day', d1to7: '1 to 7 days', d7to30: '7 to 30 days', gt30d: 'over 30 days' },
  shifts: { morning: 'Morning (07–15)', afternoon: 'Afternoon (15–23)', night: 'Night (23–07)' },
  runStates: { in_progress: 'in progress', completed: 'completed', aborted: 'aborted' },
  outcomes: { done: 'done', failed: 'failed', skipped: 'skipped', not_applicable: 'not applicable' },
  statuses: {
    new: 'new',
    acknowledged: 'acknowledged',
    in_progress: 'in progress',
    pending: 'pending',
    mitigated: 'mitigated',
    resolved: 'resolved',
    closed: 'closed',
    reopened: 'reopened',
    cancelled: 'cancelled',
  },
};

export const reportLabels: Record<Locale, ReportLabels> = { fr, en };
