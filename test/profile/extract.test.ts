import { describe, expect, it } from 'vitest';
import { extractProfile, normalise, requiredPrefix } from '../../src/profile/extract.js';
import { CUES } from '../../src/profile/lexicon.js';
import { ProfileSchema } from '../../src/profile/schema.js';
import { devSetsPresent, profileCases, scenarios } from '../helpers/devsets.js';

const read = (text: string) => extractProfile(text).profile;

describe('deterministic extractor', () => {
  it('reads several fields from one description', () => {
    expect(read('We want a Q&A bot over our internal wiki, which changes every week, and users must see which document an answer came from.')).toMatchObject({
      task: 'qa',
      knowledgeNeed: 'proprietary',
      knowledgeFreshness: 'weekly',
      citations: 'required',
    });
  });

  it('handles negation', () => {
    expect(read('We have no GPUs and nobody who has trained a model.').mlCapacity).toBe('none');
    expect(read("We don't have any labeled data.").labeledExamples).toBe('none');
    expect(read('We do have GPUs now.').mlCapacity).toBe('some');
    expect(read('nothing domain specific, ordinary language').domainLanguage).toBe('general');
  });

  it('reads everyday phrasings of knowledge source, freshness, stakes, citations and restrictions', () => {
    expect(read('It answers from guidance published by the regulator.').knowledgeNeed).toBe('public');
    expect(read('Each tenant uploads their own handbooks and asks about them.').knowledgeNeed).toBe('proprietary');
    expect(read('It writes replies; the order details come in with each request.').knowledgeNeed).toBe('none');
    expect(read('Scores come in around the clock.').knowledgeFreshness).toBe('realtime');
    expect(read('The rulebook has not changed since 2012.').knowledgeFreshness).toBe('static');
    expect(read('A wrong figure in a filing would be a lawsuit waiting to happen.').accuracyStakes).toBe('high');
    expect(read('An editor reviews every draft before publishing.').accuracyStakes).toBe('low');
    expect(read('Every answer has to point to the exact section of the standard.').citations).toBe('required');
    expect(read("Legal won't allow the files in a vector store.").dataRestriction).toBe('no-search-index');
    expect(read('Answers must use approved wording, and our prompt-only pilot ignores it half the time.').behaviourNeed).toBe('strict');
  });

  it('reads a demand for sources however it is worded, and not from unrelated uses of "reference"', () => {
    expect(read('Every single claim in the digest needs a link back to where it was published.').citations).toBe('required');
    expect(read('Each reply must name the permit rule and its version.').citations).toBe('required');
    expect(read('Inspectors want to see which bulletin the bot relied on.').citations).toBe('required');
    expect(read('Give the caller the leaflet numbers behind each answer.').citations).toBe('required');
    expect(read('Every reply should be short and friendly.').citations).toBeUndefined();
    expect(read('Questions about our API reference and its endpoints.').citations).toBeUndefined();
    expect(read('Barks full of in-world references for the lore fans.').citations).toBeUndefined();
  });

  it('takes the fastest change when a message names several, and keeps a learner\'s own language out of personal data', () => {
    expect(read('The handbook is revised yearly but the price list changes every week.').knowledgeFreshness).toBe('weekly');
    expect(read('Stock moves minute by minute, while the catalogue changes monthly.').knowledgeFreshness).toBe('realtime');
    expect(read('Feedback in the learner\'s own language.')).not.toMatchObject({ personalization: 'yes' });
    expect(read('Replies use the tenant\'s lease terms and balance.')).toMatchObject({ personalization: 'yes', knowledgeNeed: 'proprietary' });
  });

  it('reads capacity, stakes, devices and restrictions from everyday wording', () => {
    expect(read('We only have CPU boxes.').mlCapacity).toBe('none');
    expect(read('Zero ML staff here.').mlCapacity).toBe('none');
    expect(read('No one in our group has fine-tuned anything.').mlCapacity).toBe('none');
    expect(read('Made-up delivery dates would be a serious problem for us.').accuracyStakes).toBe('high');
    expect(read('Our NLP group already fine-tunes Mistral models.').mlCapacity).toBe('strong');
    expect(read('If it gets it wrong, a family misses the deadline, so it has to be right.').accuracyStakes).toBe('high');
    expect(read('Drivers notice instantly when a route is wrong.').latency).toBeUndefined();
    expect(read('It runs client-side in the browser so nothing leaves the device.').deployment).toBe('on-device');
    expect(read('Letters cannot be kept in any searchable store.').dataRestriction).toBe('no-search-index');
    expect(read('We have no prepared examples.').labeledExamples).toBe('none');
    expect(read('An answer within a few seconds is fine.').latency).toBe('interactive');
    expect(read('It slips into English and legalese.')).toMatchObject({ behaviourNeed: 'strict' });
    expect(read('It slips into English and legalese.').domainLanguage).toBeUndefined();
    expect(read('Letters in the firm\'s house template and tone.').behaviourNeed).toBe('strict');
    expect(read('Replies go out in a regulated format.').outputStructure).toBe('structured');
    expect(read('Staff ask which seeds we stock; the care guides are ours.').knowledgeNeed).toBe('proprietary');
    expect(read('What if we had to run it on phones?').deployment).toBe('on-device');
    expect(read('We need a bot for our support team.').task).toBe('chat');
    expect(read('The site protocols get amended every month.')).toMatchObject({ knowledgeNeed: 'proprietary', knowledgeFreshness: 'monthly' });
  });

  it('reads what people say about the input, the team, the model and the rules in their own words', () => {
    expect(read('It does not need to know our prices; everything is in what the caller said.').knowledgeNeed).toBe('none');
    expect(read('We answer about 200 letters each month.').knowledgeFreshness).toBeUndefined();
    expect(read('New tours land every couple of days.').knowledgeFreshness).toBe('daily');
    expect(read('The tariff table has been unchanged since 2018.').knowledgeFreshness).toBe('static');
    expect(read('Neither of us has ever trained a model and we are GPU-poor.').mlCapacity).toBe('none');
    expect(read('We would call the OpenAI one.').modelClass).toBe('frontier-api');
    expect(read('The old bot replied in English and sounded too casual.').behaviourNeed).toBe('strict');
    expect(read('Each item is assigned to one of nine themes.').task).toBe('classification');
    expect(read('Guests write questions like "is the pool open?"').task).toBe('qa');
    expect(read('It answers using your transactions and what you bought before.').personalization).toBe('yes');
    expect(read('An occasional mistake is acceptable, nobody dies.').accuracyStakes).toBe('low');
    expect(read('It would be nice to link the page it used.').citations).toBe('nice');
    expect(read('Every figure must be attributable to a filing.').citations).toBe('required');
    expect(read('We have 1,400 voice memos paired with the notes staff wrote.').labeledExamples).toBe('thousands');
    expect(read('The letter has a reference line at the top.').citations).toBeUndefined();
    expect(read('Replies in the style our senior editors use.').behaviourNeed).toBe('strict');
    expect(read('First token within two seconds.').latency).toBe('interactive');
    expect(read('Comments must not be stored, indexed or kept anywhere searchable.').dataRestriction).toBe('no-search-index');
    expect(read('The model runs in our own data centre.').knowledgeNeed).toBeUndefined();
    expect(read('The coach suggests sessions based on what each user has done before.')).toMatchObject({ task: 'recommendation', personalization: 'yes' });
    expect(read('What if it did not have to work offline?').deployment).toBe('cloud');
    expect(read('The rota changes daily, sorry, more like weekly.').knowledgeFreshness).toBe('weekly');
    expect(read('Answers come from our own field notes and from press releases.').knowledgeNeed).toBe('proprietary');
    expect(read('We hire every time a store opens and I edit the ad before posting.').behaviourNeed).toBeUndefined();
    expect(read('The style rules are short, I can just say them in the prompt.').behaviourNeed).toBe('light');
    expect(read('It has to work with no signal in the mine.').deployment).toBe('on-device');
    expect(read('The app runs on their tablets over 4G.').deployment).toBeUndefined();
    expect(read('Boil each report down to three lines.')).toMatchObject({ task: 'summarization' });
    expect(read('Boil each report down to three lines.').labeledExamples).toBeUndefined();
    expect(read('None of us knows how to train anything.').mlCapacity).toBe('none');
    expect(read('We would host a mid-sized open model.').modelClass).toBe('open-medium');
    expect(read('Send each column name from our Snowflake marts to the model.').knowledgeNeed).toBeUndefined();
    expect(read('Viewing histories live in Snowflake.').knowledgeNeed).toBe('proprietary');
    expect(read('We have no existing descriptions to learn from.').labeledExamples).toBe('none');
    expect(read('The handbook is reissued every two to three years.').knowledgeFreshness).toBe('static');
  });

  it('reads personal data, recommendations, recaps, clustering, fixed formats and where the model runs', () => {
    expect(read('Answers come from their own purchase statements.')).toMatchObject({ knowledgeNeed: 'proprietary', personalization: 'yes' });
    expect(read('Suggest recipes people might like, since preferences vary a lot.')).toMatchObject({ task: 'recommendation', personalization: 'yes' });
    expect(read('A two-line recap of each support call.').task).toBe('summarization');
    expect(read('Auto-write match recaps from the stats feed.').task).toBe('generation');
    expect(read('Cluster the survey comments into themes.').task).toBe('analysis');
    expect(read('Our ML team has a GPU cluster.').task).toBeUndefined();
    expect(read('Notes go out in our fixed three-part format; the current bot keeps drifting off the format.')).toMatchObject({ behaviourNeed: 'strict', outputStructure: 'structured' });
    expect(read('Write each summary into the CRM.').knowledgeNeed).toBeUndefined();
    expect(read('It looks things up in the on-call runbooks.').knowledgeNeed).toBe('proprietary');
    expect(read('It must run on drivers’ phones.').deployment).toBe('on-device');
    expect(read('A support chatbot in the app on our website.').deployment).toBeUndefined();
    expect(read('Prices sync every night.').knowledgeFreshness).toBe('daily');
    expect(read('The menu changes every few weeks.').knowledgeFreshness).toBe('monthly');
    expect(read('The menu changes every couple of weeks.').knowledgeFreshness).toBe('weekly');
    expect(read('Ask about premium rate tables.').outputStructure).toBeUndefined();
    expect(read('Return the results as a table.').outputStructure).toBe('structured');
    expect(read('Staff should get a link to the policy the answer came from.').citations).toBe('required');
    expect(read('Plain office chatter, no special vocabulary, and the team skims every draft anyway.')).toMatchObject({ domainLanguage: 'general', accuracyStakes: 'low' });
    expect(read('Writers gave us ~4k lines of in-character dialogue.').labeledExamples).toBe('thousands');
    expect(read('The repo has 40k lines of code.').labeledExamples).toBeUndefined();
  });

  it('reads indirect statements of stakes, format rules, team skills and missing data', () => {
    expect(read('A misquoted dosage could delay treatment.').accuracyStakes).toBe('high');
    expect(read('A wrong reply is an annoyance rather than a disaster; support will set it straight.').accuracyStakes).toBe('low');
    expect(read('Our current prompt-based tool still paraphrases the mandatory disclaimers.').behaviourNeed).toBe('strict');
    expect(read('Each brief must follow the agency structure exactly.')).toMatchObject({ behaviourNeed: 'strict', outputStructure: 'structured' });
    expect(read('The jargon is highly specialised and the reports use a dense clinical register.').domainLanguage).toBe('specialized');
    expect(read('Analysts must be able to trace every figure back to the filing.').citations).toBe('required');
    expect(read('Citing the source page would be a bonus.').citations).toBe('nice');
    expect(read('We have never annotated any of our chats.').labeledExamples).toBe('none');
    expect(read('There is no archive of past questions and answers.').labeledExamples).toBe('none');
    expect(read('We have 9,000 resolved incident reports as examples.').labeledExamples).toBe('thousands');
    expect(read('Two of our engineers have fine-tuned models before.').mlCapacity).toBe('strong');
    expect(read('We have one data scientist.').mlCapacity).toBe('some');
    expect(read('We have no technical staff.').mlCapacity).toBe('none');
    expect(read('The drafts need nothing beyond what the caller said.').knowledgeNeed).toBe('none');
    expect(read('Balances change with every transaction.').knowledgeFreshness).toBe('realtime');
    expect(read('The style guide has not moved in years.').knowledgeFreshness).toBe('static');
    expect(read('We migrate nightly batch programs.').latency).toBeUndefined();
  });

  it('reads tasks and sources described by what people do with them', () => {
    expect(read('Returns get sorted into one of our 14 reason codes.').task).toBe('classification');
    expect(read('Leads should be scored into three priority bands.').task).toBe('classification');
    expect(read('The tool turns inspection photos notes into the standard site report.').task).toBe('generation');
    expect(read('Our team answers letters from tenants about repairs.').task).toBe('generation');
    expect(read('Staff want to ask things like "is the east lift working today?"').task).toBe('qa');
    expect(read('Nurses need quick answers on which ward a patient moved to.').task).toBe('qa');
    expect(read('The answers come from internal bulletins that HR sends round.').knowledgeNeed).toBe('proprietary');
    expect(read('Pharmacists must see which guideline it came from.').citations).toBe('required');
    expect(read('Every answer lists the regulation number.').citations).toBe('required');
    expect(read('We sort our emails by date.').task).toBeUndefined();
  });

  it('reads ranges, approvals to index, time limits in seconds and minutes, and where the model must not run', () => {
    expect(read('We hold 2-3k call summaries checked by supervisors.').labeledExamples).toBe('thousands');
    expect(read('There are 30 to 40 gold-standard answers so far.').labeledExamples).toBe('few');
    expect(read('About 9k invoices already keyed by the finance clerks.').labeledExamples).toBe('thousands');
    expect(read("We haven't kept any example answers.").labeledExamples).toBe('none');
    expect(read('We sell a few hundred products and get a few dozen reviews a week.').labeledExamples).toBeUndefined();
    expect(read('Security signed off on indexing the runbooks.').dataRestriction).toBe('none');
    expect(read('The files must stay out of any search index, but fine-tuning in our VPC is ok.').dataRestriction).toBe('no-search-index');
    expect(read('Staff should get an answer within 8 seconds.').latency).toBe('interactive');
    expect(read('Scores must come back in 100-200 ms.').latency).toBe('realtime');
    expect(read('A report within a couple of hours is fine; nobody needs them instantly.').latency).toBe('relaxed');
    expect(read('We train on two A100s and want replies under 3 s.').latency).toBe('interactive');
    expect(read('It runs server-side, nothing on the handsets.').deployment).toBe('cloud');
    expect(read('Cloud only, no offline mode needed.').deployment).toBe('cloud');
  });

  it('reads stakes, formats, rules and sources the way ticket writers and disappointed triers put them', () => {
    expect(read('A wrong delivery date costs us real money in refunds.').accuracyStakes).toBe('high');
    expect(read('An occasional wrong label is harmless, we skim the chart anyway.').accuracyStakes).toBe('low');
    expect(read('The reply must be exactly one status from the list.').outputStructure).toBe('structured');
    expect(read("Answers follow our fixed 'Problem / Cause / Fix' layout.").outputStructure).toBe('structured');
    expect(read('Plain paragraphs are fine, nothing rigid.').outputStructure).toBe('free');
    expect(read('We pasted the style guide into the prompt and it still did not stick.').behaviourNeed).toBe('strict');
    expect(read('Tone is a nice-to-have, nothing strict.').behaviourNeed).toBe('light');
    expect(read('The terminology is heavy, full of part numbers.').domainLanguage).toBe('specialized');
    expect(read('Researchers want a link for every claim.').citations).toBe('required');
    expect(read('Nothing internal, the question has everything.').knowledgeNeed).toBe('none');
    expect(read('The tariffs get revised most months.').knowledgeFreshness).toBe('monthly');
    expect(read('No logins: everyone gets the same answers.').personalization).toBe('no');
    expect(read('Our four in-house ML engineers have GPUs.').mlCapacity).toBe('strong');
    expect(read('We do not have in-house ML specialists.').mlCapacity).toBe('none');
    expect(read("In the ticket text ('no wifi since Monday') mapped to one of 40 queues.").deployment).toBeUndefined();
  });

  it('reads the formal register of public bodies', () => {
    const text = 'The Council wishes to procure a tool for its planning officers. Officers must be able to establish the provenance of every statement. The Council has no in-house machine learning capability and holds no corpus of annotated decisions. Erroneous output could cause detriment to applicants.';
    expect(read(text)).toMatchObject({ citations: 'required', mlCapacity: 'none', labeledExamples: 'none', accuracyStakes: 'high' });
  });

  it('reads quick phone-typed Slack messages: shorthand, emphasis and afterthoughts', () => {
    expect(read('it reads *each tenant\'s* own lease')).toMatchObject({ personalization: 'yes', knowledgeNeed: 'proprietary' });
    expect(read('legal is ok w/ indexing the wiki')).toMatchObject({ dataRestriction: 'none' });
    expect(read('we have like 6k-ish tickets already tagged by agents').labeledExamples).toBe('thousands');
    expect(read('hand-labelled like 30 for a smoke test').labeledExamples).toBe('few');
    expect(read('one of us has fine-tuned a model before').mlCapacity).toBe('some');
    expect(read('a couple folks here have done LoRA stuff').mlCapacity).toBe('some');
    expect(read('order status is live, obviously').knowledgeFreshness).toBe('realtime');
    expect(read('new readings show up within minutes; answers in a couple secs pls')).toMatchObject({ knowledgeFreshness: 'realtime', latency: 'interactive' });
    expect(read('nightly batch job, the codes are basically frozen')).toMatchObject({ knowledgeFreshness: 'static', latency: 'relaxed' });
    expect(read('free-form bullets fine, no template').outputStructure).toBe('free');
    expect(read('stakes are medium, a person reviews each one').accuracyStakes).toBe('medium');
    expect(read('if it misses a line nbd').accuracyStakes).toBe('low');
    expect(read('linking the source would be nice, not a must').citations).toBe('nice');
    expect(read('sources are a regulatory expectation, not a nice-to-have, every answer cites them').citations).toBe('required');
    expect(read('prompting got the layout right 85% of the time, not good enough').behaviourNeed).toBe('strict');
    expect(read("about 1 reply in 12 slips into 'tu' instead of 'vous'")).toMatchObject({ behaviourNeed: 'strict' });
    expect(read("about 1 reply in 12 slips into 'tu' instead of 'vous'").labeledExamples).toBeUndefined();
    expect(read('gpt gets it right with a one-line instruction').behaviourNeed).toBe('light');
    expect(read('no company knowledge needed, just rephrasing').knowledgeNeed).toBe('none');
    expect(read('each ticket needs mapping to one of 30 queues').task).toBe('classification');
    expect(read('3 draft posts per release').labeledExamples).toBeUndefined();
    expect(read('answers from case law and our own memos').knowledgeNeed).toBe('proprietary');
    expect(read('our drivers leave voice memos after each job').knowledgeNeed).toBeUndefined();
    expect(read('the code can\'t go in any searchable/external index').dataRestriction).toBe('no-search-index');
    expect(read('must keep up with the belt, ~150ms per item').latency).toBe('realtime');
  });

  it('skips a cue only when its fixed start is absent from the text', () => {
    expect(requiredPrefix(String.raw`\bsummar(?:y|ies)\b`)).toBe('summar');
    expect(requiredPrefix(String.raw`\brecaps?\b`)).toBe('recap');
    expect(requiredPrefix(String.raw`\bcats?|dogs\b`)).toBeNull();
    expect(requiredPrefix(String.raw`\bcats[(]|dogs\b`)).toBeNull();
    expect(requiredPrefix(String.raw`\b(?:our|internal) docs\b`)).toBeNull();
    expect(requiredPrefix(String.raw`\bq ?& ?a\b`)).toBeNull();
    // Every prefix is a true start of every match the cue can make on real descriptions.
    const samples = ['We summarise tickets; a recap goes out weekly.', "Legal won't let the notes sit in a vector store."];
    const texts = [...samples, ...(devSetsPresent ? scenarios().map((scenario) => scenario.text) : [])].map(normalise);
    for (const text of texts) {
      for (const cue of CUES) {
        const prefix = requiredPrefix(cue.pattern.source);
        if (prefix === null) continue;
        for (const match of text.matchAll(new RegExp(cue.pattern.source, 'g'))) expect(match[0].startsWith(prefix)).toBe(true);
      }
    }
  });

  it('counts items people have written or coded as labeled examples, but not a model version', () => {
    expect(read('We have ~2.5k past memos.').labeledExamples).toBe('thousands');
    expect(read('About 600 reports already coded by analysts.').labeledExamples).toBe('hundreds');
    expect(read('A GPT-4 bot that chats with guests.').labeledExamples).toBeUndefined();
    expect(read("We don't have anything labeled to train on.").labeledExamples).toBe('none');
  });

  it('lets a negated phrase win over the positive phrase inside it', () => {
    // "ML team" alone reads as a strong team; "no ML team" must not.
    expect(read('No ML team.').mlCapacity).toBe('none');
    expect(read('We have no ML team, just two web developers.').mlCapacity).toBe('none');
    expect(read('Our ML team is five people.').mlCapacity).toBe('strong');
  });

  it('buckets quantities of labeled examples', () => {
    expect(read('We have ~2,000 labeled examples').labeledExamples).toBe('thousands');
    expect(read('only about 50 pairs').labeledExamples).toBe('few');
    expect(read('5k tickets already triaged by humans').labeledExamples).toBe('thousands');
    expect(read('a few hundred Q&A examples from the old FAQ').labeledExamples).toBe('hundreds');
    expect(read('we collected 1.5k approved examples').labeledExamples).toBe('thousands');
    expect(read('ten years of past claims').labeledExamples).toBe('thousands');
  });

  it('does not count documents, users or time spans as examples', () => {
    expect(read('about 40k internal papers and 100k users').labeledExamples).toBeUndefined();
    expect(read('we get 30 emails a day over 2 years').labeledExamples).toBeUndefined();
  });

  it('reads frequencies', () => {
    expect(read('the product catalogue is updated every release (every 2 weeks)').knowledgeFreshness).toBe('weekly');
    expect(read('prices come from a live feed').knowledgeFreshness).toBe('realtime');
    expect(read('the rules barely move').knowledgeFreshness).toBe('static');
    expect(read('the manual gets revised quarterly').knowledgeFreshness).toBe('yearly');
    expect(read('code sets get updated several times a year').knowledgeFreshness).toBe('monthly');
    expect(read('we translate about 10 posts a month').knowledgeFreshness).toBeUndefined();
  });

  it('reads how writers from across Europe and Asia put things: grouped digits, negated objects, "can not"', () => {
    expect(read('We have 6.000 sent letters approved by legal.').labeledExamples).toBe('thousands');
    expect(read('We have 15 000+ lines already classified by our brokers.').labeledExamples).toBe('thousands');
    expect(read('We have 3.400 closed deviation reports approved by QA.').labeledExamples).toBe('thousands');
    // A decimal with a scale is still a decimal.
    expect(read('We have 2.5k labeled examples.').labeledExamples).toBe('thousands');
    expect(read('We have 400 old reports which were good.').labeledExamples).toBe('hundreds');
    expect(read('It does not need to know anything about our company or products, general English is enough.').knowledgeNeed).toBe('none');
    expect(read('Nothing about our company data is needed, it is normal everyday language.').knowledgeNeed).toBe('none');
    expect(read('I thought it needs our product catalog, but no, the thread itself contains everything.').knowledgeNeed).toBe('none');
    expect(read('We have zero labeled summaries.').labeledExamples).toBe('none');
    expect(read('By bank rule the customer documents can not be stored anywhere after processing.').dataRestriction).toBe('no-search-index');
    expect(read('Vocabulary is very technical (UCP 600, incoterms).').domainLanguage).toBe('specialized');
    expect(read('Every day thousands of lines come in; the code list is revised every five years, so it is quite static.').knowledgeFreshness).toBe('static');
    expect(read('It is not urgent, can run during the night.').latency).toBe('relaxed');
    expect(read('The rules are strict: always French, imperative form.').behaviourNeed).toBe('strict');
    expect(read('We tried prompting, but headings and terminology are not stable.').behaviourNeed).toBe('strict');
    expect(read('We want recommendations like customers who bought this also ordered these filters.').task).toBe('recommendation');
    expect(read('We must assign the correct 10-digit HS code to each line.').task).toBe('classification');
    // A greeting is not a tagging task; the letter it drafts is.
    expect(read('Guten Tag, we want the LLM to draft the answer letter to each complaint.').task).toBe('generation');
    expect(read('The letter must quote the correct fee from our current price list and general terms.').knowledgeNeed).toBe('proprietary');
    expect(read('Answers must be in polite keigo and follow our service terminology.').behaviourNeed).toBe('strict');
    // "X, not Y" corrects a count said before; a comma after a number ends the number.
    expect(read('We have 250 checked Q&A examples. Sorry, I made mistake: it is 2.500, not 250.').labeledExamples).toBe('thousands');
    expect(read('We have 2,000, mostly labeled examples.').labeledExamples).toBe('thousands');
  });

  it('reads short dev-style descriptions: implied sources, turned-into tasks, reviewed output', () => {
    expect(read('All the info is in the email itself, no bank docs.').knowledgeNeed).toBe('none');
    expect(read('Turn shift leads\' bullet notes into a tidy end-of-shift email. No company knowledge.')).toMatchObject({ task: 'generation', knowledgeNeed: 'none' });
    expect(read("Permit fees, bin days, road closures. It's all public info, so indexing is fine.").knowledgeNeed).toBe('public');
    expect(read('Analysts must check names against the sanctions lists, which update daily.').knowledgeNeed).toBe('public');
    // The team's own rules beside public ones: the own documents win.
    expect(read('We want Mistral 7B to know our telco\'s tariff rules.').knowledgeNeed).not.toBe('public');
    expect(read('Suggest restaurants from our partner listings, which change weekly.').knowledgeNeed).toBe('proprietary');
    expect(read('Clinic front desk wants patient messages sorted into appointment, billing, refill or other.').task).toBe('classification');
    expect(read('Need alt text for our product photos.').task).toBe('generation');
    expect(read('Someone reads the full note before acting on anything.').accuracyStakes).toBe('low');
    expect(read("It's a weekly batch so speed is irrelevant.").knowledgeFreshness).toBeUndefined();
    expect(read('Records are updated with each weekly payroll run.').knowledgeFreshness).toBe('weekly');
    expect(read('Standard entity tagging, nothing specialist in the vocabulary.').domainLanguage).toBe('general');
    expect(read('Roughly 40,000 analyst-labelled reports going back years.').labeledExamples).toBe('thousands');
    expect(read('~2.5k peer-reviewed rules in our repo.').labeledExamples).toBe('thousands');
    expect(read('We have ~50k accepted completions logged.').labeledExamples).toBe('thousands');
    expect(read('We have about 500 hand-corrected examples - sorry, just checked, it\'s closer to 1,200.').labeledExamples).toBe('thousands');
    expect(read('She has written roughly 900 of these herself over the years.').labeledExamples).toBe('hundreds');
    expect(read("Marketing's voice guide is strict - prompting alone keeps slipping.").behaviourNeed).toBe('strict');
    expect(read('Everything runs in our AWS account.').deployment).toBe('cloud');
    expect(read('If it gets the affected versions wrong we could leave something unpatched.').accuracyStakes).toBe('high');
    expect(read('If it gets a detail wrong the players will roast it, half the fun.').accuracyStakes).not.toBe('high');
    expect(read('Staff must be able to see exactly where each answer came from.').citations).toBe('required');
    expect(read('Editors review the tags, so an occasional miss isn\'t a big deal and nobody needs sources.')).toMatchObject({ accuracyStakes: 'low', citations: 'no' });
    expect(read('Editorial wants people and places pulled out of our wire copy so we can tag articles.')).toMatchObject({ task: 'extraction' });
    expect(read('Detection engineering: a model that writes Sigma rules from fresh threat reports.').task).toBe('generation');
    expect(read('Plain-language docs on our shared drive (nothing confidential, fine to index).')).toMatchObject({ knowledgeNeed: 'proprietary', dataRestriction: 'none' });
    expect(read('Turn the seller\'s form fields (make, model, mileage, extras) into a short listing description, just a plain paragraph.')).toMatchObject({ task: 'generation', outputStructure: 'free' });
    expect(read('Can we just have the model tidy our toolbox-talk notes into clean English for the handout?').task).toBe('generation');
    expect(read('Superintendents need answers from our safety management manuals.').task).toBe('qa');
    expect(read('Pull date, kick-off, venue and opponent out of league fixture emails.').task).toBe('extraction');
    expect(read('It must answer in proper mine-engineering language, the way a senior planner talks.').domainLanguage).toBe('specialized');
    expect(read('Summarise meeting transcripts into bullets; general office talk.').domainLanguage).toBe('general');
    expect(read('Flag which comments are questions. Casual slang, missing a few is no big deal.').domainLanguage).not.toBe('specialized');
    expect(read('Prompting alone keeps adding commentary or dropping fields.').behaviourNeed).toBe('strict');
    expect(read('Our self-hosted Mistral 7B keeps dropping or renaming fields.').behaviourNeed).toBe('strict');
    expect(read('The formulas are trade secrets.').knowledgeNeed).toBe('proprietary');
    expect(read('The numbers come from our CAFM system for that client.').knowledgeNeed).toBe('proprietary');
    // "want to sort/route/query X" is not writing X.
    expect(read('We want to route outpatient referral letters into ~60 referral pathways.').task).toBe('classification');
  });

  it('negates a cue whose words merely contain a negation ("notes", "notebooks")', () => {
    // The pattern for "our archive" lists "notebooks"; that must not stop "doesn't need" from negating it.
    expect(read("Suggest three headline options for each story. It doesn't need our archive or special style rules.")).toMatchObject({ knowledgeNeed: 'none', behaviourNeed: 'none' });
    expect(read('The bot needs our lab notebooks.').knowledgeNeed).toBe('proprietary');
  });

  it('reads change rates, reviews, demands for sources and counts as dev-style writers put them', () => {
    expect(read('The incident queue changes minute to minute.').knowledgeFreshness).toBe('realtime');
    expect(read('New entries get added daily.').knowledgeFreshness).toBe('daily');
    expect(read('New reports are filed every day.').knowledgeFreshness).toBe('daily');
    expect(read("It needs this month's campaign details.").knowledgeFreshness).toBe('monthly');
    expect(read('Plain English, a human signs off every post.').accuracyStakes).toBe('low');
    expect(read('Editors pick and rewrite, so a bad suggestion costs nothing. Running it as a nightly batch is fine.').accuracyStakes).toBe('low');
    expect(read('A few wrong buckets won\'t hurt anyone.').accuracyStakes).toBe('low');
    expect(read('A made-up patch version could leave a hole open.').accuracyStakes).toBe('high');
    expect(read('Farmers should always get a link to the bulletin.').citations).toBe('required');
    expect(read('Each answer needs the code section or ruling behind it.').citations).toBe('required');
    expect(read('Advisors would like to see which bulletin an answer is based on.').citations).toBe('nice');
    expect(read('No need to show sources.').citations).toBe('no');
    expect(read("We've hand-checked about six hundred of these.").labeledExamples).toBe('hundreds');
    expect(read('We may train on anonymised past memos, about 4,000. Actually closer to 6,000.').labeledExamples).toBe('thousands');
    expect(read('Around 50k write-ups are already coded.').labeledExamples).toBe('thousands');
    expect(read('We have zero example Q&A.').labeledExamples).toBe('none');
    expect(read('Each long complaint letter boiled down to a few bullet points.').task).toBe('summarization');
    expect(read('Sort what lands in the claims mailbox into new claim / complaint / other.').task).toBe('classification');
    expect(read('Code adverse-event narratives to MedDRA terms.').task).toBe('classification');
    expect(read('Nothing fancy on tone or format.')).toMatchObject({ behaviourNeed: 'none', outputStructure: 'free' });
    expect(read('Nothing fancy on tone or format.').knowledgeNeed).toBeUndefined();
    expect(read("It won't look at anyone's personal file.").personalization).toBe('no');
    expect(read("Nothing tied to a player's account.").personalization).toBe('no');
    expect(read('Answers within a second or two.').latency).toBe('interactive');
    expect(read('It runs on the scan tool itself.').deployment).toBe('on-device');
    expect(read('Someone proofreads every letter anyway.').accuracyStakes).toBe('low');
    expect(read('The adviser checks it against the call.').accuracyStakes).toBe('low');
    expect(read('A wrong answer is a public health problem.').accuracyStakes).toBe('high');
    expect(read('Reps want the clause number quoted.').citations).toBe('required');
    expect(read("They won't trust a number unless it shows where it came from.").citations).toBe('required');
    expect(read('Handhelds turn a short note into our exception-record JSON.').task).toBe('extraction');
    expect(read('We have six hundred past tweak write-ups.').labeledExamples).toBe('hundreds');
    expect(read('A couple of hundred approved descriptions exist.').labeledExamples).toBe('hundreds');
    expect(read('Our data team has GPUs and has fine-tuned models before.').mlCapacity).toBe('strong');
    expect(read('We self-host a 13B model.').modelClass).toBe('open-medium');
    expect(read('Privacy rules say the emails cannot be stored in any database or index.').dataRestriction).toBe('no-search-index');
    expect(read('Answers in under half a second.').latency).toBe('realtime');
    // A web chat can still be a question-answering widget; the words alone do not make it a chat.
    expect(read('A web chat on GPT-4o that answers questions from our factsheets.').task).toBe('qa');
  });

  it('reads corrected counts, borrowed-data rules, per-person records and output layouts', () => {
    // A bare number after "sorry" or "correction" restates the count, but not the first digits of a longer number.
    expect(read('Our archive holds 150 graded answers. Correction, 1,500, I misread the export.').labeledExamples).toBe('thousands');
    expect(read('We kept around 400, sorry, 4,000 moderated replies from last year.').labeledExamples).toBe('thousands');
    expect(read('About 2,000 index cards were already catalogued by volunteers.').labeledExamples).toBe('thousands');
    // A batch that runs daily says how fast to answer, not how fast the knowledge changes.
    expect(read('Mark invoices that mention a penalty fee; a daily batch run is fine.').knowledgeFreshness).toBeUndefined();
    expect(read('Opening hours change a few times a week.').knowledgeFreshness).toBe('weekly');
    expect(read('Queue positions move by the minute.').knowledgeFreshness).toBe('realtime');
    expect(read('The pricing rules only change once a financial year.').knowledgeFreshness).toBe('yearly');
    expect(read('The code list has been unchanged for twenty years.').knowledgeFreshness).toBe('static');
    // Where the data may live, said either way.
    expect(read('Our licence bars putting the sensor logs in any searchable store.').dataRestriction).toBe('no-search-index');
    expect(read('The manuals are public, so no concerns about indexing them.').dataRestriction).toBe('none');
    // Answers about one person's or one animal's own record.
    expect(read('Owners ask when a booster is due, answered from that pet\'s vaccination records.').personalization).toBe('yes');
    expect(read('Tenants ask the bot about their own repairs.').personalization).toBe('yes');
    expect(read('The answer is the same for every visitor, nothing personal.').personalization).toBe('no');
    // What the output looks like, and whose words it must use.
    expect(read('Each report follows the regulator\'s mandatory layout.').outputStructure).toBe('structured');
    expect(read('Staff want the names and dates pulled from leave requests into a two-column table.')).toMatchObject({ task: 'extraction', outputStructure: 'structured' });
    expect(read('Replies must use the approved product names exactly.').behaviourNeed).toBe('strict');
    expect(read('The wording is highly technical.').domainLanguage).toBe('specialized');
    // Stakes and sources in a sentence or two.
    expect(read('A wrong dose time could hurt a patient.').accuracyStakes).toBe('high');
    expect(read('A wrong folder just means someone drags the file across.').accuracyStakes).toBe('low');
    expect(read('Planners need to see which permit each figure came from.').citations).toBe('required');
    expect(read('Seeing the clause is nice to have.').citations).toBe('nice');
    // A chatbot that answers customers is still a chat, while a bot that answers about opening times is Q&A.
    expect(read('A chatbot on the site that answers shoppers about delivery slots and returns.').task).toBe('chat');
    expect(read('Museum website bot that answers visitors about opening times and exhibitions.').task).toBe('qa');
    expect(read('Condense each board meeting into a paragraph for the newsletter.').task).toBe('summarization');
  });

  it('reads counts said after the items, written-out halves, and what a source demand or a check looks like', () => {
    expect(read('About eight thousand are already coded by hand.').labeledExamples).toBe('thousands');
    expect(read('We have two and a half thousand checked examples.').labeledExamples).toBe('thousands');
    expect(read('There are 700-odd labelled tickets.').labeledExamples).toBe('hundreds');
    expect(read('Roughly 1,800 forms with correct JSON from last year.').labeledExamples).toBe('thousands');
    expect(read('Auditors must see which rule each finding is based on.').citations).toBe('required');
    expect(read('Each figure should come with the page number it came from.').citations).toBe('required');
    expect(read('Showing the policy section would be a bonus.').citations).toBe('nice');
    expect(read('The summary does not need to cite anything.').citations).toBe('no');
    expect(read('An editor reads each post before publishing.').accuracyStakes).toBe('low');
    expect(read('One invented date could cost us the contract.').accuracyStakes).toBe('high');
    // "flag state" names a country's registry, not a flagging task.
    expect(read('The master files a report in the flag state\'s format.').task).not.toBe('classification');
    expect(read('Inspection results are filed each week.').knowledgeFreshness).toBe('weekly');
    expect(read('Prices change a couple of times a month.').knowledgeFreshness).toBe('monthly');
    expect(read('A loose paragraph is fine, no set format.').outputStructure).toBe('free');
  });

  it('tells the cadence of the job from how often the knowledge changes, and general knowledge from public sources', () => {
    expect(read('Turn our weekly stock list into a cheerful post.').knowledgeFreshness).toBeUndefined();
    expect(read('Write the monthly column for the parish magazine.').knowledgeFreshness).toBeUndefined();
    expect(read('New guidance notes are added every month.').knowledgeFreshness).toBe('monthly');
    expect(read('Trivia questions for a pub night. General knowledge only.').knowledgeNeed).toBe('none');
    expect(read('A general-knowledge Q&A helper for visitors.').knowledgeNeed).toBe('public');
    expect(read('We paste the brief in, and nothing else it needs to know.').knowledgeNeed).toBe('none');
    // "Nothing about individual students" says answers are the same for all, not that no knowledge is needed.
    expect(read('It knows our own syllabus and doesn\'t need anything about individual students.').knowledgeNeed).not.toBe('none');
    expect(read('Nurses ask about a specific patient\'s current medications.').personalization).toBe('yes');
  });

  it('reads second-round phrasings: checks by a named person, harmless misses, sources a user must see, translations', () => {
    expect(read('The office manager checks each one before it goes out.').accuracyStakes).toBe('low');
    expect(read('A wrong figure can void the contract.').accuracyStakes).toBe('high');
    expect(read('A slightly off bullet harms no one.').accuracyStakes).toBe('low');
    expect(read('Replies should quote the record they\'re based on.').citations).toBe('required');
    // Saying what the text is based on is not a demand to show it.
    expect(read('The leaflets are based on the current monographs.').citations).toBeUndefined();
    expect(read('The dispatcher has to see the source notice.').citations).toBe('required');
    expect(read('Can we get our visitor guide into Polish?')).toMatchObject({ task: 'generation', knowledgeNeed: 'none' });
    expect(read('Just want three bullets per email thread.').task).toBe('summarization');
    expect(read('Sort the inspectors\' notes into our 20 defect codes.').task).toBe('classification');
  });

  it('tells when something happened from how often knowledge changes, approval steps from style rules, and reads own-record questions', () => {
    // "Last week" dates the labelling here; it says nothing about how fast the knowledge moves.
    const tagged = read('Route tickets to billing or repairs. No labelled history, though Sam tagged about 60 by hand last week.');
    expect(tagged.knowledgeFreshness).toBeUndefined();
    expect(tagged.labeledExamples).toBe('few');
    expect(read('The report uses last week\'s footfall numbers.').knowledgeFreshness).toBe('weekly');
    // A design sign-off is a stage of the job, not a style rule; "no strict style guide" keeps the tone light.
    expect(read('Tell buyers whether their order has passed design sign-off. Friendly, but no strict style guide.').behaviourNeed).toBe('light');
    expect(read('Tenants should be able to ask the bot about their own repair requests.').personalization).toBe('yes');
    expect(read('The same reminder text for everyone, a clerk checks each one.').personalization).toBe('no');
    expect(read('Delivery slots shift week to week.').knowledgeFreshness).toBe('weekly');
    expect(read('The handbook hasn\'t been revised since 2018.').knowledgeFreshness).toBe('static');
    expect(read('Rules come from a dozen government sites.').knowledgeNeed).toBe('public');
    expect(read('We keep about seventy example questions with good answers.').labeledExamples).toBe('few');
    expect(read('Around 30,000 invoices our clerks already checked.').labeledExamples).toBe('thousands');
    expect(read('Guests expect an answer within a second.').latency).toBe('realtime');
    // Said outright, a hosted vendor is not a loose reading to check with the user.
    expect(extractProfile('No ML team, we would use OpenAI.').unsure ?? []).not.toContain('modelClass');
  });

  it('reads writing from current data as needing it, and tells a weekly output from weekly changes', () => {
    // Drafting "from that week's showtimes" or "from the live incident log" is given the team's current data.
    expect(read('Each cinema\'s email, generated from that week\'s showtimes.')).toMatchObject({ knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly' });
    expect(read('Write the site report from that month\'s production data.')).toMatchObject({ knowledgeNeed: 'proprietary', knowledgeFreshness: 'monthly' });
    expect(read('Drafts should come from the live incident log.')).toMatchObject({ knowledgeNeed: 'proprietary', knowledgeFreshness: 'realtime' });
    expect(read('Draft the handover from the last eight hours of alarms.').knowledgeFreshness).toBe('realtime');
    expect(read('Clues about the last 24 hours of headlines.')).toMatchObject({ knowledgeNeed: 'public', knowledgeFreshness: 'daily' });
    // A weekly paragraph is how often the job runs; weekly bulletins are how often the source changes.
    const digest = read('Want a weekly paragraph summing up our Google reviews.');
    expect(digest.knowledgeFreshness).toBeUndefined();
    expect(digest.task).toBe('summarization');
    expect(read('Answer from the extension service\'s weekly bulletins.').knowledgeFreshness).toBe('weekly');
    // The team's own news is not public knowledge; "our wording" alone is a style, "our clause wording" content.
    expect(read('Turn our engineers\' bullet points about factory news into blog drafts.').knowledgeNeed).toBeUndefined();
    expect(read('Summaries of the news for our readers.').knowledgeNeed).toBe('public');
    expect(read('Draft them in exactly that layout and our wording.').knowledgeNeed).toBeUndefined();
    expect(read('Drafts must use our clause wording.').knowledgeNeed).toBe('proprietary');
    expect(read('Follow police liaison rules exactly, approved phrases only.').behaviourNeed).toBe('strict');
    expect(read('We have a hundred and fifty-odd past statements.').labeledExamples).toBe('hundreds');
    expect(read('Stick to the regulator\'s responsible-gambling wording exactly.').behaviourNeed).toBe('strict');
    expect(read('A long system prompt still slips on the wording now and then.').behaviourNeed).toBe('strict');
    expect(read('Drafts of each bride\'s follow-up email from her appointment notes.').personalization).toBe('yes');
    // Sources asked for without the word "cite"; a letter's reference line or a ticket number is no such request.
    for (const text of ['Pilots need the source line for each answer.', 'Answers with the document number so engineers can check.', 'Clients want the sources listed at the end.', 'Each point tagged with the reports behind it.', 'Auditors want the exact clause quoted.', 'A bot with links to its sources.']) expect(read(text).citations, text).toBe('required');
    expect(read('It would be nice to see which feed it read.').citations).toBe('nice');
    expect(read('Nobody needs to see sources.').citations).toBe('no');
    // Jargon shown by example, and layouts that are the team's own.
    expect(read('A tutor that uses falconry terms (jesses, creance, manning, casting) correctly.').domainLanguage).toBe('specialized');
    expect(read('Manuals full of escapement, drawband and platen talk.').domainLanguage).toBe('specialized');
    expect(read('Our workroom has its own shorthand.').domainLanguage).toBe('specialized');
    expect(read('Order details pulled into the columns of our order sheet.').outputStructure).toBe('structured');
    expect(read('Turn the draft into our final transcript layout.').outputStructure).toBe('structured');
    expect(read('We want the fixed alteration ticket written from the notes.').outputStructure).toBe('structured');
    expect(read('Plain terms (we tried a few) are fine.').domainLanguage).toBeUndefined();
    // Time allowed and data that may be stored, said in passing.
    for (const text of ['A few minutes delay is fine.', 'Half a minute per draft is plenty fast.', 'Drafts can take a while.', 'It\'s fine if it takes a minute.', 'Next-morning results OK.']) expect(read(text).latency, text).toBe('relaxed');
    for (const text of ['Nothing in there is confidential.', 'Nothing confidential.', 'It can be stored anywhere.']) expect(read(text).dataRestriction, text).toBe('none');
    // What a wrong answer costs, said in passing.
    expect(read('A wrong distance can injure someone.').accuracyStakes).toBe('high');
    expect(read('Wrongly telling someone their water is safe is a public-health issue.').accuracyStakes).toBe('high');
    expect(read('A wrong price is annoying, not a disaster.').accuracyStakes).toBe('medium');
    for (const text of ['If it misses something he just rereads the email.', 'A dud caption just gets deleted.', 'If a sentence comes out a bit clunky nobody cares.', 'Just suggestions, we pick the shortlist ourselves.']) expect(read(text).accuracyStakes, text).toBe('low');
    expect(read('Tone can be plain.').behaviourNeed).toBe('none');
    expect(read('Use our glossary consistently, which prompting hasn\'t managed.').behaviourNeed).toBe('strict');
    expect(read('Fill in the reference line of each letter and extract the ticket numbers.').citations).toBeUndefined();
    expect(read('Letters the way our seniors write them; prompting with examples hasn\'t got close.').behaviourNeed).toBe('strict');
    expect(read('Prompt instructions keep slipping.').behaviourNeed).toBe('strict');
    // Customers who write in English are not a writing task; a shop chat is a chat.
    expect(read('Online shop chat, always formal Polish even when brides write in English.').task).toBe('chat');
    expect(read('Write the weekly Instagram captions for our acts.').knowledgeFreshness).toBeUndefined();
  });


  it('counts past outputs of the very task as examples, and reads voices, per-record data and remarks in passing', () => {
    // The model is to produce reports; a count of reports is a count of its examples. A rate is not.
    expect(read('We want the model to draft an inspection report for every lift. We have ~2,300 reports from our lead engineer.').labeledExamples).toBe('thousands');
    expect(read('Menus filled in from the supplier list; about 450 menus so far.').labeledExamples).toBe('hundreds');
    expect(read('We want it to draft reports. About 60 reports/month go out.').labeledExamples).toBeUndefined();
    expect(read('Summarize incoming reports; we get 5000 reports.').labeledExamples).toBeUndefined();
    expect(read('Around 700 good past invoices.').labeledExamples).toBe('hundreds');
    // Someone's own voice, and prompting that came out generic.
    expect(read('Newsletters written in her voice.').behaviourNeed).toBe('strict');
    expect(read('The default model voice sounds nothing like us.').behaviourNeed).toBe('strict');
    expect(read('Prompted Claude gives us bland copy.').behaviourNeed).toBe('strict');
    expect(read('We want replies that sound like ours.').behaviourNeed).toBe('strict');
    // Data kept per record, per visit or per caller.
    expect(read('Care plans built from that resident\'s own readings.').personalization).toBe('yes');
    expect(read('Tenants check their next boiler service from the app.').personalization).toBe('yes');
    expect(read('Notes for sales staff before each client meeting.').personalization).toBe('yes');
    // What a wrong answer costs, connectivity and change, said in passing.
    expect(read('A wrong code gets us fined.').accuracyStakes).toBe('high');
    expect(read('If it misses a few, the clerk will spot them.').accuracyStakes).toBe('low');
    expect(read('No offline mode needed.').deployment).toBe('cloud');
    expect(read('The logbook is updated after every inspection.').knowledgeFreshness).toBe('daily');
    expect(read('It would pull the totals from that site\'s meter logs.').knowledgeNeed).toBe('proprietary');
    expect(read('Answers are scattered across forty PDFs and the wiki.').knowledgeNeed).toBe('proprietary');
    expect(read('Checks against the suppliers\' published tables.').knowledgeNeed).toBe('public');
    expect(read('Naming the manual would be handy.').citations).toBe('nice');
    // Constant change is live data; "often" stays a vaguer weekly.
    expect(read('Seat availability changes constantly.').knowledgeFreshness).toBe('realtime');
    expect(read('Our price list is constantly changing.').knowledgeFreshness).toBe('realtime');
    expect(read('The handbook changes often.').knowledgeFreshness).toBe('weekly');
    // Found trying the bot by hand.
    expect(read('A shop assistant that recommends the right bike for each rider.').task).toBe('recommendation');
    expect(read('Answers come from our stock list.').knowledgeNeed).toBe('proprietary');
    expect(read('Captions in our chill vibe.').behaviourNeed).toBe('light');
    // Found by testers: ways of saying "no" that other words would read the other way.
    expect(read('A chat assistant for our app, no docs, just general help.').knowledgeNeed).not.toBe('proprietary');
    expect(read('Tag reviews of our beers by flavour. There is no need for outside knowledge.').knowledgeNeed).toBe('none');
    expect(read('Shift notes from the alarm log. Format is free text, nothing fancy.').knowledgeNeed).not.toBe('none');
    expect(read('Each client has a brand voice; prompting with the brand book mostly works fine.').behaviourNeed).toBe('light');
    expect(read('We have no GPUs but could use a hosted fine-tuning service.').mlCapacity).toBe('some');
    expect(read('We are not going to run this on device; it is a cloud service.').deployment).toBe('cloud');
    expect(read('Tens of thousands of past tickets, but none of them are labeled.').labeledExamples).toBe('none');
    expect(read('We don\'t need it to show sources.').citations).toBe('no');
    expect(read('It\'s not user-specific.').personalization).toBe('no');
    expect(read('The tablets have reliable 4G, so no need for offline.').deployment).toBe('cloud');
    expect(read('We have 60,000 previously translated strings.').labeledExamples).toBe('thousands');
    expect(read('There are 50k transcribed calls with outcomes.').labeledExamples).toBe('thousands');
    // A limit is below the number said; a negated limit is not zero.
    expect(read('We have fewer than 100 labeled examples.').labeledExamples).toBe('few');
    expect(read('Under 1,000 labeled examples so far.').labeledExamples).toBe('hundreds');
    expect(read('No more than 50 labeled examples.').labeledExamples).toBe('few');
    expect(read('About 100 labeled examples.').labeledExamples).toBe('hundreds');
    // Inputs arriving in every format are not an output layout.
    expect(read('Suppliers send price lists in all sorts of formats.').outputStructure).toBeUndefined();
  });
  it('reads model names and sizes', () => {
    expect(read('We use GPT-4o through the API').modelClass).toBe('frontier-api');
    expect(read('We self-host Llama 2 7B').modelClass).toBe('open-medium');
    expect(read('It has to run on Phi-2').modelClass).toBe('small');
    expect(read('a ~3B model for cost reasons').modelClass).toBe('small');
  });

  it('reads latency, deployment and data restrictions', () => {
    expect(read('the response has to start in under ~300 ms')).toMatchObject({ latency: 'realtime' });
    expect(read('In-car voice assistant').deployment).toBe('on-device');
    expect(read('Compliance is nervous about putting patient data in a vector DB').dataRestriction).toBe('no-search-index');
  });

  it('fixes typos before reading', () => {
    expect(read('every answer definately has to follow our strict template').behaviourNeed).toBe('strict');
  });

  it('takes the main task from the first task named, and the later mention for other fields', () => {
    expect(read('A bot that chats with customers and also flags complaints').task).toBe('chat');
    expect(read('docs change monthly, actually they change daily').knowledgeFreshness).toBe('daily');
  });

  it('always produces a valid profile, and nothing from text with no project facts', () => {
    for (const text of ['', '🙂🙂🙂', 'Bonjour, je voudrais un assistant', 'lorem ipsum dolor sit amet']) {
      const profile = read(text);
      expect(() => ProfileSchema.parse(profile)).not.toThrow();
      expect(Object.keys(profile).length).toBeLessThanOrEqual(1);
    }
  });

  it.runIf(devSetsPresent)('scores F1 >= 0.85 on the stated fields of the dev set', () => {
    const texts = new Map(scenarios().map((scenario) => [scenario.id, scenario.text]));
    let hits = 0;
    let extracted = 0;
    let stated = 0;
    for (const item of profileCases()) {
      const got = read(texts.get(item.id) ?? '') as Record<string, string>;
      for (const field of item.stated) {
        stated += 1;
        if (got[field] !== undefined) extracted += 1;
        if (got[field] === (item.profile as Record<string, string>)[field]) hits += 1;
      }
    }
    const precision = hits / extracted;
    const recall = hits / stated;
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.85);
  });
});
