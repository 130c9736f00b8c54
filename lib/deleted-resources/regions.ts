/**
 * Azure public-cloud regions by programmatic name. Server actions accept only these (case-insensitively),
 * so a location never carries anything but a known word into an ARM path.
 */
export const AZURE_REGIONS: Readonly<Record<string, string>> = {
  eastus: 'East US',
  eastus2: 'East US 2',
  centralus: 'Central US',
  northcentralus: 'North Central US',
  southcentralus: 'South Central US',
  westcentralus: 'West Central US',
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
  canadacentral: 'Canada Central',
  canadaeast: 'Canada East',
  brazilsouth: 'Brazil South',
  brazilsoutheast: 'Brazil Southeast',
  mexicocentral: 'Mexico Central',
  chilecentral: 'Chile Central',
  northeurope: 'North Europe',
  westeurope: 'West Europe',
  uksouth: 'UK South',
  ukwest: 'UK West',
  francecentral: 'France Central',
  francesouth: 'France South',
  germanywestcentral: 'Germany West Central',
  germanynorth: 'Germany North',
  switzerlandnorth: 'Switzerland North',
  switzerlandwest: 'Switzerland West',
  norwayeast: 'Norway East',
  norwaywest: 'Norway West',
  swedencentral: 'Sweden Central',
  swedensouth: 'Sweden South',
  polandcentral: 'Poland Central',
  italynorth: 'Italy North',
  spaincentral: 'Spain Central',
  belgiumcentral: 'Belgium Central',
  austriaeast: 'Austria East',
  denmarkeast: 'Denmark East',
  eastasia: 'East Asia',
  southeastasia: 'Southeast Asia',
  japaneast: 'Japan East',
  japanwest: 'Japan West',
  koreacentral: 'Korea Central',
  koreasouth: 'Korea South',
  centralindia: 'Central India',
  southindia: 'South India',
  westindia: 'West India',
  jioindiawest: 'Jio India West',
  jioindiacentral: 'Jio India Central',
  australiaeast: 'Australia East',
  australiasoutheast: 'Australia Southeast',
  australiacentral: 'Australia Central',
  australiacentral2: 'Australia Central 2',
  newzealandnorth: 'New Zealand North',
  indonesiacentral: 'Indonesia Central',
  malaysiawest: 'Malaysia West',
  uaenorth: 'UAE North',
  uaecentral: 'UAE Central',
  qatarcentral: 'Qatar Central',
  israelcentral: 'Israel Central',
  southafricanorth: 'South Africa North',
  southafricawest: 'South Africa West',
  eastus2euap: 'East US 2 EUAP',
  centraluseuap: 'Central US EUAP',
};

/** Programmatic name in lower case without spaces: 'SOUTHCENTRALUS' and 'South Central US' both give 'southcentralus'. */
export function normalizeRegion(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

export function isKnownRegion(location: string): boolean {
  return Object.hasOwn(AZURE_REGIONS, normalizeRegion(location));
}

export function regionDisplayName(location: string): string {
  return AZURE_REGIONS[normalizeRegion(location)] ?? location;
}
