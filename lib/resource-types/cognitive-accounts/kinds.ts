/** The names people know each `kind` by (arm-contract "Kinds"); unknown kinds are shown as they are. */
export const KIND_DISPLAY_NAMES: Readonly<Record<string, string>> = {
  AIServices: 'Foundry (Azure AI services)',
  OpenAI: 'Azure OpenAI',
  CognitiveServices: 'Foundry Tools (multi-service)',
  ComputerVision: 'Computer vision',
  ContentModerator: 'Content moderator',
  ContentSafety: 'Content safety',
  'CustomVision.Prediction': 'Custom vision (prediction)',
  'CustomVision.Training': 'Custom vision (training)',
  FormRecognizer: 'Document intelligence',
  Face: 'Face API',
  ImmersiveReader: 'Immersive reader',
  TextAnalytics: 'Language service',
  SpeechServices: 'Speech service',
  TextTranslation: 'Translator',
  AnomalyDetector: 'Anomaly detector',
  Personalizer: 'Personalizer',
  QnAMaker: 'QnA Maker',
  LUIS: 'LUIS',
  'LUIS.Authoring': 'LUIS (authoring)',
  MetricsAdvisor: 'Metrics Advisor',
  HealthInsights: 'Health Insights',
};

const KIND_BY_LOWERCASE = new Map(Object.keys(KIND_DISPLAY_NAMES).map((kind) => [kind.toLowerCase(), kind]));

export function kindDisplayName(kind: string): string {
  const known = KIND_BY_LOWERCASE.get(kind.toLowerCase());
  return known === undefined ? kind : (KIND_DISPLAY_NAMES[known] ?? kind);
}

/** Kinds whose accounts can hold provisioned (billed) model deployments, which bill until purge. */
const KINDS_WITH_PROVISIONED_DEPLOYMENTS = new Set(['openai', 'aiservices']);

export function mayHoldProvisionedDeployments(kind: string): boolean {
  return KINDS_WITH_PROVISIONED_DEPLOYMENTS.has(kind.toLowerCase());
}
