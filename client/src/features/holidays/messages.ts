/*
 * The holidays admin page's messages (`holidays.*`), spread into the app dictionaries in
 * lib/i18n/messages-{fr,en}.ts. French is the default; English has exactly the same keys.
 */
export const holidayMessagesFr = {
  'holidays.title': 'Jours fériés',
  'holidays.subtitle':
    'Les horloges SLA des contrats en heures ouvrées s’arrêtent ces jours-là, dans le fuseau de chaque site du pays.',
  'holidays.country': 'Pays',
  'holidays.year': 'Année',
  'holidays.previousYear': 'Année précédente',
  'holidays.nextYear': 'Année suivante',
  'holidays.new': 'Ajouter un jour férié',
  'holidays.addDefaults': 'Ajouter les jours fériés légaux',
  'holidays.defaultsAdded': 'Jours fériés légaux ajoutés pour {year} : {count}.',
  'holidays.defaultsNone': 'Tous les jours fériés légaux de {year} sont déjà enregistrés.',
  'holidays.empty': 'Aucun jour férié enregistré pour {country} en {year}.',
  'holidays.emptyHint': 'Sans jour férié, les horloges SLA comptent aussi ces jours-là.',
  'holidays.loadError': 'Les jours fériés n’ont pas pu être chargés.',
  'holidays.listCaption': 'Jours fériés de {country} en {year}',
  'holidays.date': 'Date',
  'holidays.name': 'Nom',
  'holidays.actions': 'Actions',
  'holidays.delete': 'Supprimer',
  'holidays.deleteNamed': 'Supprimer {name}',
  'holidays.deleteTitle': 'Supprimer le jour férié',
  'holidays.deleteConfirm':
    'Supprimer « {name} » ({date}) ? Les horloges SLA compteront à nouveau ce jour-là.',
  'holidays.deleted': 'Jour férié « {name} » supprimé.',
  'holidays.createTitle': 'Nouveau jour férié ({country})',
  'holidays.create': 'Ajouter',
  'holidays.created': 'Jour férié « {name} » ajouté.',
  'holidays.duplicate': 'Ce jour est déjà férié dans ce pays.',
} as const satisfies Record<string, string>;

type HolidayMessageKey = keyof typeof holidayMessagesFr;

export const holidayMessagesEn: Record<HolidayMessageKey, string> = {
  'holidays.title': 'Public holidays',
  'holidays.subtitle':
    'SLA clocks of business-hours contracts stop on these days, in the time zone of each site of the country.',
  'holidays.country': 'Country',
  'holidays.year': 'Year',
  'holidays.previousYear': 'Previous year',
  'holidays.nextYear': 'Next year',
  'holidays.new': 'Add a holiday',
  'holidays.addDefaults': 'Add statutory holidays',
  'holidays.defaultsAdded': 'Statutory holidays added for {year}: {count}.',
  'holidays.defaultsNone': 'Every statutory holiday of {year} is already stored.',
  'holidays.empty': 'No public holiday stored for {country} in {year}.',
  'holidays.emptyHint': 'Without holidays, SLA clocks count these days too.',
  'holidays.loadError': 'The public holidays could not be loaded.',
  'holidays.listCaption': 'Public holidays of {country} in {year}',
  'holidays.date': 'Date',
  'holidays.name': 'Name',
  'holidays.actions': 'Actions',
  'holidays.delete': 'Delete',
  'holidays.deleteNamed': 'Delete {name}',
  'holidays.deleteTitle': 'Delete the public holiday',
  'holidays.deleteConfirm': 'Delete “{name}” ({date})? SLA clocks will count that day again.',
  'holidays.deleted': 'Public holiday “{name}” deleted.',
  'holidays.createTitle': 'New public holiday ({country})',
  'holidays.create': 'Add',
  'holidays.created': 'Public holiday “{name}” added.',
  'holidays.duplicate': 'This day is already a holiday in this country.',
};
