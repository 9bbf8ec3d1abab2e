import { z } from 'zod';

/** The exact field values of SPEC section 3; the order of each list is the order choices are shown in. */
export const FIELD_VALUES = {
  task: ['qa', 'chat', 'generation', 'classification', 'extraction', 'summarization', 'recommendation', 'analysis', 'other'],
  knowledgeNeed: ['none', 'public', 'proprietary'],
  knowledgeFreshness: ['static', 'yearly', 'monthly', 'weekly', 'daily', 'realtime'],
  behaviourNeed: ['none', 'light', 'strict'],
  outputStructure: ['free', 'structured'],
  domainLanguage: ['general', 'specialized'],
  accuracyStakes: ['low', 'medium', 'high'],
  citations: ['no', 'nice', 'required'],
  labeledExamples: ['none', 'few', 'hundreds', 'thousands'],
  modelClass: ['frontier-api', 'open-medium', 'small'],
  latency: ['relaxed', 'interactive', 'realtime'],
  deployment: ['cloud', 'on-device'],
  mlCapacity: ['none', 'some', 'strong'],
  dataRestriction: ['none', 'no-search-index'],
  personalization: ['no', 'yes'],
} as const;

export type ProfileField = keyof typeof FIELD_VALUES;
export type FieldValue<F extends ProfileField> = (typeof FIELD_VALUES)[F][number];

export const PROFILE_FIELDS = Object.keys(FIELD_VALUES) as ProfileField[];

export const ProfileSchema = z
  .object({
    task: z.enum(FIELD_VALUES.task),
    knowledgeNeed: z.enum(FIELD_VALUES.knowledgeNeed),
    knowledgeFreshness: z.enum(FIELD_VALUES.knowledgeFreshness),
    behaviourNeed: z.enum(FIELD_VALUES.behaviourNeed),
    outputStructure: z.enum(FIELD_VALUES.outputStructure),
    domainLanguage: z.enum(FIELD_VALUES.domainLanguage),
    accuracyStakes: z.enum(FIELD_VALUES.accuracyStakes),
    citations: z.enum(FIELD_VALUES.citations),
    labeledExamples: z.enum(FIELD_VALUES.labeledExamples),
    modelClass: z.enum(FIELD_VALUES.modelClass),
    latency: z.enum(FIELD_VALUES.latency),
    deployment: z.enum(FIELD_VALUES.deployment),
    mlCapacity: z.enum(FIELD_VALUES.mlCapacity),
    dataRestriction: z.enum(FIELD_VALUES.dataRestriction),
    personalization: z.enum(FIELD_VALUES.personalization),
  })
  .partial()
  .strict();

/** A project profile: every field optional, absent means unknown. */
export type Profile = z.infer<typeof ProfileSchema>;

export function isFieldValue<F extends ProfileField>(field: F, value: string): value is FieldValue<F> {
  return (FIELD_VALUES[field] as readonly string[]).includes(value);
}

export function isProfileField(name: string): name is ProfileField {
  return Object.hasOwn(FIELD_VALUES, name);
}

/** Sets one field on a copy of the profile; the value must already be validated. */
export function withField(profile: Profile, field: ProfileField, value: string | undefined): Profile {
  const next: Record<string, string> = { ...(profile as Record<string, string>) };
  if (value === undefined) delete next[field];
  else next[field] = value;
  return ProfileSchema.parse(next);
}

export function profileValue(profile: Profile, field: ProfileField): string | undefined {
  return (profile as Record<string, string | undefined>)[field];
}
