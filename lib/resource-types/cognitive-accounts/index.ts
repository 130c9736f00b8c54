import type { ResourceTypeDefinition } from '../definition';

export const cognitiveAccounts: ResourceTypeDefinition = {
  id: 'cognitive-accounts',
  armType: 'Microsoft.CognitiveServices/accounts',
  displayName: 'AI services account',
  retention: '48 hours',
  purgeable: true,
  // Last: its Key Vault and storage come back first.
  recoverPhase: 2,
  // https://<subdomain>.cognitiveservices.azure.com/, https://<subdomain>.openai.azure.com/, Foundry's services.ai.azure.com.
  endpoints: { hostSuffixes: ['cognitiveservices.azure.com', 'openai.azure.com', 'services.ai.azure.com'], label: 'subdomain' },
};
