import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { openRedisStore } from './redis.js';
import { openSqliteStore } from './sqlite.js';
import type { ConversationStore } from './types.js';

/** The store the configuration asks for: SQLite by default. */
export async function openStore(config: Config, logger?: Logger): Promise<ConversationStore> {
  if (config.REDIS_URL) {
    logger?.info({ store: 'redis' }, 'opening conversation store');
    return openRedisStore(config.REDIS_URL);
  }
  logger?.info({ store: 'sqlite', path: config.ADVISOR_DB }, 'opening conversation store');
  return openSqliteStore(config.ADVISOR_DB);
}
