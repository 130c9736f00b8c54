/** Azure public-cloud regions the emulator knows: programmatic name and display name. */
export const REGIONS: readonly { name: string; displayName: string; geography: string }[] = [
  { name: 'eastus', displayName: 'East US', geography: 'US' },
  { name: 'eastus2', displayName: 'East US 2', geography: 'US' },
  { name: 'southcentralus', displayName: 'South Central US', geography: 'US' },
  { name: 'westus', displayName: 'West US', geography: 'US' },
  { name: 'westus2', displayName: 'West US 2', geography: 'US' },
  { name: 'westus3', displayName: 'West US 3', geography: 'US' },
  { name: 'centralus', displayName: 'Central US', geography: 'US' },
  { name: 'northcentralus', displayName: 'North Central US', geography: 'US' },
  { name: 'westcentralus', displayName: 'West Central US', geography: 'US' },
  { name: 'canadacentral', displayName: 'Canada Central', geography: 'Canada' },
  { name: 'canadaeast', displayName: 'Canada East', geography: 'Canada' },
  { name: 'brazilsouth', displayName: 'Brazil South', geography: 'Brazil' },
  { name: 'northeurope', displayName: 'North Europe', geography: 'Europe' },
  { name: 'westeurope', displayName: 'West Europe', geography: 'Europe' },
  { name: 'uksouth', displayName: 'UK South', geography: 'United Kingdom' },
  { name: 'ukwest', displayName: 'UK West', geography: 'United Kingdom' },
  { name: 'francecentral', displayName: 'France Central', geography: 'France' },
  { name: 'germanywestcentral', displayName: 'Germany West Central', geography: 'Germany' },
  { name: 'switzerlandnorth', displayName: 'Switzerland North', geography: 'Switzerland' },
  { name: 'swedencentral', displayName: 'Sweden Central', geography: 'Sweden' },
  { name: 'norwayeast', displayName: 'Norway East', geography: 'Norway' },
  { name: 'polandcentral', displayName: 'Poland Central', geography: 'Poland' },
  { name: 'italynorth', displayName: 'Italy North', geography: 'Italy' },
  { name: 'spaincentral', displayName: 'Spain Central', geography: 'Spain' },
  { name: 'uaenorth', displayName: 'UAE North', geography: 'UAE' },
  { name: 'qatarcentral', displayName: 'Qatar Central', geography: 'Qatar' },
  { name: 'southafricanorth', displayName: 'South Africa North', geography: 'South Africa' },
  { name: 'australiaeast', displayName: 'Australia East', geography: 'Australia' },
  { name: 'australiasoutheast', displayName: 'Australia Southeast', geography: 'Australia' },
  { name: 'eastasia', displayName: 'East Asia', geography: 'Asia Pacific' },
  { name: 'southeastasia', displayName: 'Southeast Asia', geography: 'Asia Pacific' },
  { name: 'japaneast', displayName: 'Japan East', geography: 'Japan' },
  { name: 'japanwest', displayName: 'Japan West', geography: 'Japan' },
  { name: 'koreacentral', displayName: 'Korea Central', geography: 'Korea' },
  { name: 'centralindia', displayName: 'Central India', geography: 'India' },
  { name: 'southindia', displayName: 'South India', geography: 'India' },
  // Canary regions: Azure serves them to enrolled subscriptions (the CLI's soft-delete recording created and
  // listed Cognitive Services accounts in both); they are left out of the names suggested to callers.
  { name: 'eastus2euap', displayName: 'East US 2 EUAP', geography: 'US' },
  { name: 'centraluseuap', displayName: 'Central US EUAP', geography: 'US' },
];

const CANARY = new Set(['eastus2euap', 'centraluseuap']);

const byNormalizedName = new Map<string, string>();
for (const region of REGIONS) {
  byNormalizedName.set(region.name, region.name);
  byNormalizedName.set(region.displayName.toLowerCase().replace(/\s+/g, ''), region.name);
}

/** The programmatic name for 'West US', 'westus' or 'WESTUS'; undefined when the region is unknown. */
export function canonicalRegion(location: string): string | undefined {
  return byNormalizedName.get(location.toLowerCase().replace(/\s+/g, ''));
}

export function sameRegion(a: string, b: string): boolean {
  const ca = canonicalRegion(a);
  return ca !== undefined ? ca === canonicalRegion(b) : a.toLowerCase() === b.toLowerCase();
}

export const isCanaryRegion = (name: string) => CANARY.has(name);

export const REGION_DISPLAY_NAMES = REGIONS.filter((r) => !isCanaryRegion(r.name)).map((r) => r.displayName);
