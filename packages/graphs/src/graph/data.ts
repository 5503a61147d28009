import { categorySet } from '@absynth/topics';

// Names the relation graphs are built from. Labels in one graph are unique; the lists are long
// enough for the largest graphs of level 5.

/** Departments of an organisation, each with the teams under it. */
export const departments: Readonly<Record<string, readonly string[]>> = {
  Finance: ['Accounts', 'Payroll', 'Tax', 'Audit', 'Treasury'],
  Marketing: ['Brand', 'Digital', 'Events', 'Research', 'Design'],
  Engineering: ['Platform', 'Mobile', 'Web', 'Testing', 'Security'],
  Sales: ['Retail', 'Wholesale', 'Export', 'Partners', 'Key Accounts'],
  'Human Resources': ['Recruiting', 'Training', 'Benefits', 'Wellbeing'],
  Operations: ['Logistics', 'Purchasing', 'Facilities', 'Quality'],
  Legal: ['Contracts', 'Compliance', 'Patents'],
  'Customer Service': ['Call Centre', 'Returns', 'Online Help'],
  'IT Services': ['Helpdesk', 'Networks', 'Data', 'Cloud'],
  Production: ['Assembly', 'Packaging', 'Maintenance', 'Planning'],
};

/** Company names for organisation charts. */
export const companies = [
  'Northwind Logistics',
  'Bluebay Foods',
  'Orion Software',
  'Maple Health',
  'Summit Energy',
  'Riverside Books',
  'Apex Motors',
  'Harbour Bank',
  'Greenfield Farms',
  'Cobalt Media',
  'Lighthouse Travel',
  'Granite Builders',
] as const;

/** Research fields for research-group hierarchies. */
export const fields = [
  'Robotics',
  'Marine Biology',
  'Quantum Optics',
  'Climate Modelling',
  'Linguistics',
  'Neuroscience',
  'Materials Science',
  'Epidemiology',
  'Astrophysics',
  'Economics',
] as const;

/** Surnames for the people of research groups and social networks. */
export const surnames = [
  'Okafor', 'Lindqvist', 'Tanaka', 'Moreau', 'Alvarez', 'Novak', 'Haddad', 'Kowalski', 'Mensah', 'Rossi',
  'Nakamura', 'Fischer', 'Silva', 'Petrov', 'Kaur', 'Dubois', 'Jensen', 'Costa', 'Ibrahim', 'Walsh',
  'Chen', 'Nguyen', 'Bauer', 'Sato', 'Murphy', 'Varga', 'Lopez', 'Berg', 'Yilmaz', 'Osei',
  'Reyes', 'Kim', 'Müller', 'Hughes', 'Santos', 'Ahmed', 'Larsen', 'Ricci', 'Adeyemi', 'Park',
] as const;

/** First names for family trees and social networks. */
export const firstNames = [
  'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Grace', 'Hugo', 'Iris', 'Jonas',
  'Kira', 'Leo', 'Maya', 'Noah', 'Olga', 'Paul', 'Quinn', 'Rosa', 'Sam', 'Tara',
  'Umar', 'Vera', 'Will', 'Xenia', 'Yusuf', 'Zoe', 'Amir', 'Bella', 'Carl', 'Dina',
  'Emil', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jade', 'Karl', 'Lina', 'Marco', 'Nina',
] as const;

/**
 * Cities for city networks: the topic library's fictional ones, since the distances between them
 * are invented (a real pair such as Amsterdam and Rome at 299 km contradicts what readers know).
 */
export const cities: readonly string[] = categorySet('cities').members;

/** Parts of a software project, for dependency graphs. */
export const modules = [
  'app', 'api', 'auth', 'cache', 'cli', 'config', 'core', 'db', 'events', 'http',
  'i18n', 'jobs', 'logger', 'mailer', 'metrics', 'models', 'parser', 'payments', 'queue', 'router',
  'search', 'storage', 'sync', 'templates', 'ui', 'utils', 'validation', 'web', 'workers', 'crypto',
] as const;
