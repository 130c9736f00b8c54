/**
 * What Cognitive Services adds to every account it returns besides what the caller set: the `endpoints` map,
 * the `capabilities` list, `callRateLimit`, `privateEndpointConnections`, `isMigrated` and
 * `allowProjectManagement`. Shapes and values are those of the Azure CLI's recorded soft-delete session
 * (`cognitiveservices/tests/latest/recordings/test_cognitiveservices_softdelete.yaml`, Oct 2025): clients
 * loop over these lists and look endpoints up by name, so an account without them breaks them. Kinds the
 * recording does not show get the same shape with a short list, marked below.
 */
import { canonicalRegion } from './regions';

interface Capability {
  name: string;
  value?: string;
}

const FORM_RECOGNIZER_CONTAINERS =
  'FormRecognizer.*,FormRecognizer.Forms,FormRecognizer.FormRecognizerCustomSupervised,FormRecognizer.FormRecognizerLayout,FormRecognizer.formrecognizerreadlayout,FormRecognizer.FormRecognizerId,FormRecognizer.FormRecognizerInvoice,FormRecognizer.FormRecognizerReceipt,FormRecognizer.FormRecognizerBusinessCard,FormRecognizer.FormRecognizerRead,FormRecognizer.FormRecognizerKvp';

const LANGUAGE_ENDPOINTS = [
  'Text Analytics',
  'Custom Text Authoring',
  'Conversational Language Understanding Authoring',
  'Custom Question Answering Authoring',
  'Custom Question Answering',
  'ConversationalLURuntime',
  'Language',
  'QnAMaker',
  'Turing',
  'QuestionAnswering',
  'LUIS',
];

const OPENAI_ENDPOINTS = [
  'OpenAI Language Model Instance API',
  'OpenAI Dall-E API',
  'OpenAI Sora API',
  'OpenAI Moderations API',
  'OpenAI Whisper API',
  'OpenAI Model Scaleset API',
  'OpenAI Realtime API',
  'Token Service API',
  'Azure OpenAI Legacy API - Latest moniker',
];

const OPENAI_CAPABILITIES: Capability[] = [
  { name: 'VirtualNetworks' },
  { name: 'CustomerManagedKey' },
  { name: 'MaxFineTuneCount', value: '500' },
  { name: 'MaxRunningFineTuneCount', value: '3' },
  { name: 'TrustedServices', value: 'Microsoft.CognitiveServices,Microsoft.MachineLearningServices,Microsoft.Search,Microsoft.VideoIndexer' },
  { name: 'NetworkSecurityPerimeter' },
  { name: 'RaiMonitor' },
];

/** Recorded per kind; the others (not in the recording) get the two capabilities every recorded kind but Face has. */
const CAPABILITIES: Readonly<Record<string, Capability[]>> = {
  formrecognizer: [{ name: 'DynamicThrottling' }, { name: 'VirtualNetworks' }, { name: 'CustomerManagedKey' }, { name: 'Container', value: FORM_RECOGNIZER_CONTAINERS }],
  face: [{ name: 'VirtualNetworks' }, { name: 'Scenario', value: 'Face.LegacyPreview,Face.Legacy,Face.Detection,Face.Verification,Face.Identification' }],
  textanalytics: [
    { name: 'DynamicThrottling' },
    { name: 'VirtualNetworks' },
    { name: 'TrustedServices', value: 'Microsoft.CognitiveServices' },
    { name: 'CustomerManagedKey' },
    { name: 'CustomerManagedStorage' },
    { name: 'Cloud', value: 'TextAnalytics.Healthcare,TextAnalytics.Analyze,QuestionAnswer.AllApis,LanguageService.QuestionAnsweringApis' },
  ],
  'qnamaker.v2': [{ name: 'VirtualNetworks' }, { name: 'CustomerManagedKey' }, { name: 'Cloud', value: 'QuestionAnswer.AllApis' }],
  'luis.authoring': [{ name: 'VirtualNetworks' }],
  computervision: [
    { name: 'DynamicThrottling' },
    { name: 'Srmr' },
    { name: 'VirtualNetworks' },
    { name: 'NetworkSecurityPerimeter' },
    { name: 'Scenario', value: 'ComputerVision.Legacy' },
  ],
  openai: OPENAI_CAPABILITIES,
  aiservices: [...OPENAI_CAPABILITIES, { name: 'CommitmentPlan' }, { name: 'CustomerManagedStorage' }],
};

/** The recorded `default` rule of each kind's callRateLimit (its per-path rules are left out). */
const DEFAULT_RATE: Readonly<Record<string, { renewalPeriod: number; count: number }>> = {
  formrecognizer: { renewalPeriod: 1, count: 5 },
  face: { renewalPeriod: 1, count: 10 },
  textanalytics: { renewalPeriod: 1, count: 20 },
  computervision: { renewalPeriod: 1, count: 20 },
  'qnamaker.v2': { renewalPeriod: 60, count: 600 },
  openai: { renewalPeriod: 1, count: 30 },
  aiservices: { renewalPeriod: 1, count: 30 },
};

const named = (names: readonly string[], url: string) => Object.fromEntries(names.map((name) => [name, url]));

/**
 * The `endpoints` map. With a custom subdomain OpenAI's APIs answer on `{subdomain}.openai.azure.com` and the
 * Foundry APIs on `{subdomain}.services.ai.azure.com` (recording: `reversezone`, an AIServices account);
 * without one, on the regional endpoint (recording: `cs_cli_test_bewb`, an OpenAI account).
 */
function endpointsFor(kind: string, endpoint: string, subdomain: string | undefined, name: string, location: string): Record<string, string> {
  const region = canonicalRegion(location) ?? location.toLowerCase();
  const openAi = subdomain ? `https://${subdomain}.openai.azure.com/` : endpoint;
  const foundry = `https://${(subdomain ?? name).toLowerCase()}.services.ai.azure.com/`;
  switch (kind.toLowerCase()) {
    case 'formrecognizer':
      return { FormRecognizer: endpoint, Container: endpoint };
    case 'face':
      return { Face: endpoint };
    case 'textanalytics':
      return { ...named(LANGUAGE_ENDPOINTS, endpoint), Container: endpoint };
    case 'qnamaker.v2':
      return { QnAMaker: endpoint };
    case 'luis.authoring':
      return { 'LUIS.Authoring': endpoint, LUIS: endpoint, Container: endpoint };
    case 'computervision':
      return { 'Computer Vision': endpoint, Container: endpoint };
    case 'openai':
      return named(OPENAI_ENDPOINTS, openAi);
    case 'aiservices':
      return {
        'AI Foundry API': foundry,
        ...named(OPENAI_ENDPOINTS, openAi),
        'Azure AI Model Inference API': subdomain ? foundry : endpoint,
        'Content Safety': endpoint,
        Container: endpoint,
        'Computer Vision': endpoint,
        FormRecognizer: endpoint,
        'Speech Services Speech to Text': endpoint,
        'Speech Services Speech to Text (Standard)': `https://${region}.stt.speech.microsoft.com`,
        'Speech Services Text to Speech (Neural)': `https://${region}.tts.speech.microsoft.com`,
        ...named(LANGUAGE_ENDPOINTS, endpoint),
        'TextTranslation-Global': 'https://api.cognitive.microsofttranslator.com/',
        TextTranslation: endpoint,
        DocumentTranslation: endpoint,
      };
    default:
      // Not in the recording: one entry named after the kind, which is how the single-service kinds above look.
      return { [kind]: endpoint };
  }
}

/** The service-added properties of an account, in the recording's order; the caller's own properties go over them. */
export function accountFeatures(account: { kind: string; name: string; location: string; properties: Record<string, unknown> }): Record<string, unknown> {
  const kind = account.kind.toLowerCase();
  const endpoint = typeof account.properties.endpoint === 'string' ? account.properties.endpoint : '';
  const subdomain = typeof account.properties.customSubDomainName === 'string' ? account.properties.customSubDomainName.toLowerCase() : undefined;
  const rate = DEFAULT_RATE[kind] ?? { renewalPeriod: 1, count: 10 };
  return {
    callRateLimit: { rules: [{ key: 'default', ...rate, matchPatterns: [{ path: '*', method: '*' }] }] },
    isMigrated: false,
    allowProjectManagement: kind === 'aiservices',
    privateEndpointConnections: [],
    capabilities: CAPABILITIES[kind] ?? [{ name: 'VirtualNetworks' }, { name: 'CustomerManagedKey' }],
    endpoints: endpointsFor(account.kind, endpoint, subdomain, account.name, account.location),
  };
}
