// Static vocabularies for generated data. SaaS apps carry several display names because admins name the same
// service differently per account ("Microsoft 365" vs "Office 365 SSO"); discovery has to see through that.

export const SAAS_APPS: readonly (readonly string[])[] = [
  ['Microsoft 365', 'Office 365', 'O365 SSO', 'Microsoft 365 (Entra ID)'],
  ['Salesforce', 'Salesforce SSO', 'SFDC', 'Salesforce - Production'],
  ['Slack', 'Slack SSO', 'Slack Enterprise Grid'],
  ['Zoom', 'Zoom SSO', 'Zoom Workplace'],
  ['GitHub', 'GitHub Enterprise', 'GitHub Enterprise Cloud'],
  ['Atlassian', 'Atlassian Cloud', 'Jira & Confluence'],
  ['AWS SSO', 'AWS IAM Identity Center', 'Amazon Web Services'],
  ['Google Workspace', 'G Suite', 'Google Workspace SSO'],
  ['Workday', 'Workday SSO'],
  ['ServiceNow', 'ServiceNow ITSM'],
  ['Dropbox', 'Dropbox Business'],
  ['Box', 'Box Enterprise'],
  ['DocuSign', 'DocuSign eSignature'],
  ['Okta', 'Okta SSO'],
  ['Zendesk', 'Zendesk Support'],
  ['HubSpot', 'HubSpot CRM'],
  ['Adobe Creative Cloud', 'Adobe CC'],
  ['Cisco Webex', 'Webex'],
  ['Tableau', 'Tableau Cloud'],
  ['Notion', 'Notion SSO'],
];

export const CUSTOM_APPS = [
  'Corp VPN',
  'Payroll Portal',
  'Internal Wiki',
  'Build Server',
  'HR Intranet',
  'Jump Host SSH',
  'Expense Tool',
  'Customer Admin Console',
  'Legacy ERP',
  'Data Warehouse',
  'Ops Dashboard',
  'RDP Gateway',
] as const;

export const EDITIONS = ['ENTERPRISE', 'PLATFORM', 'BEYOND', 'PERSONAL'] as const;

export const COMPANY_WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Hooli',
  'Vandelay',
  'Wonka',
  'Aperture',
  'Monarch',
  'Oscorp',
  'Pied Piper',
  'Massive',
  'Nakatomi',
  'Gringotts',
  'Dunder',
] as const;
export const COMPANY_SUFFIXES = ['Corp', 'Labs', 'Industries', 'Health', 'Logistics', 'Bank', 'Group', 'Systems'];

export const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Grace',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Edsger',
  'Radia',
  'Tim',
  'Hedy',
  'John',
  'Katherine',
  'Niklaus',
  'Sophie',
  'Vint',
  'Shafi',
  'Donald',
  'Leslie',
  'Anita',
  'Guido',
  'Mary',
] as const;
export const LAST_NAMES = [
  'Lovelace',
  'Turing',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
  'Lamarr',
  'McCarthy',
  'Johnson',
  'Wirth',
  'Wilson',
  'Cerf',
  'Goldwasser',
  'Knuth',
  'Lamport',
  'Borg',
  'van Rossum',
  'Shaw',
] as const;

export const GROUP_NAMES = [
  'Staff',
  'Engineering',
  'Sales',
  'VPN Users',
  'Contractors',
  'Finance',
  'IT Admins',
  'Support',
  'Executives',
] as const;

export const SUCCESS_FACTORS = [
  'duo_push',
  'duo_push',
  'duo_push',
  'duo_mobile_passcode',
  'phone_call',
  'sms_passcode',
  'hardware_token',
  'WebAuthn Security Key',
  'remembered_device',
  'trusted_network',
] as const;
export const DENIAL_REASONS = [
  'user_cancelled',
  'no_response',
  'invalid_passcode',
  'denied_by_policy',
  'location_restricted',
  'out_of_date',
  'platform_restricted',
  'anonymous_ip',
  'no_screen_lock',
  'invalid_device',
] as const;

export const LOCATIONS = [
  { city: 'Lyon', state: 'Auvergne-Rhone-Alpes', country: 'France' },
  { city: 'Austin', state: 'Texas', country: 'United States' },
  { city: 'Ann Arbor', state: 'Michigan', country: 'United States' },
  { city: 'London', state: 'England', country: 'United Kingdom' },
  { city: 'Berlin', state: 'Berlin', country: 'Germany' },
  { city: 'Toronto', state: 'Ontario', country: 'Canada' },
  { city: 'Sydney', state: 'New South Wales', country: 'Australia' },
] as const;

export const BROWSERS = [
  ['Chrome', '126.0.6478.127'],
  ['Firefox', '128.0'],
  ['Edge', '126.0.2592.87'],
  ['Safari', '17.5'],
] as const;
export const OSES = [
  ['Windows', '11'],
  ['Mac OS X', '14.5'],
  ['Linux', ''],
  ['iOS', '17.5.1'],
  ['Android', '14'],
] as const;
export const PHONES = [
  ['Pixel 8', 'Google Android'],
  ['iPhone 15', 'Apple iOS'],
  ['Galaxy S24', 'Google Android'],
] as const;

export const ACTIVITY_ACTIONS = [
  'admin_login',
  'user_update',
  'phone_create',
  'password_change',
  'webauthncredential_create',
  'group_update',
  'integration_update',
  'user_create',
] as const;
