/** The `/advise` quick assessment as a summary others can read, for "Post summary to channel". */
import type { Advisor } from '../../src/dialog/advisor.js';
import type { Reply } from '../../src/dialog/messages.js';
import type { Profile } from '../../src/profile/schema.js';
import { person } from './conversation.js';

export function assessmentSummary(advisor: Advisor, profile: Profile, userId: string): Reply {
  return advisor.assessmentSummary(profile, person(userId));
}
