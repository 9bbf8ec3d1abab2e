import type { webApi } from '@slack/bolt';
import type { Config } from '../../src/config.js';

/** Web API client settings from the configuration: SLACK_API_URL replaces Slack's base URL (tests, proxies). */
export function slackClientOptions(config: Config): webApi.WebClientOptions {
  return config.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(config.SLACK_API_URL) } : {};
}

/** The Web API client appends method names to the base URL, so it must end in a slash. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
