import type { ProfileField } from './schema.js';

/**
 * The deterministic extractor's vocabulary: which phrases state which field value.
 * `tier` ranks cues for one field: an explicit statement (3) beats a strong cue (2) beats a hint (1);
 * among equal tiers the later mention wins, because people correct themselves as they type.
 * Patterns run on normalised text: lower case, straight quotes, single spaces.
 */
export interface Cue {
  field: ProfileField;
  value: string;
  pattern: RegExp;
  tier: 1 | 2 | 3;
}

const NEG = String.raw`(?:no|not|never|without|zero|nobody|none|don't|do not|doesn't|does not|dont|isn't|aren't|can't|cannot|won't|lack|lacks)`;

function cue(field: ProfileField, value: string, tier: Cue['tier'], ...patterns: RegExp[]): Cue[] {
  return patterns.map((pattern) => ({ field, value, pattern, tier }));
}

/** Whose own data an answer may need. */
const PERSON = String.raw`(?:person|kid|child|buyer|resident|user|customer|employee|student|tenant|player|shopper|patient|client|passenger|member|viewer|learner|reader|guest|driver|caller|subscriber|policyholder|applicant|citizen)`;

/** Records a person keeps of their own. */
const PERSONAL_DATA = String.raw`(?:records?|chart|profile|details|lease|lease terms|balance|tenure|homework|meter readings?|shipments?|deliver(?:y|ies)|parcels?|appointments?|reservations?|invoices?|payments?|loans?|account details|schedule|history|claims?|polic(?:y|ies)|accounts?|data|progress|transactions|spending|purchases|orders|bookings|messages|emails|files|documents|notes|usage|activity|portfolio|holdings|results|grades|logs|bills?|statements|plans?)`;

/** "their own bank transactions": data a person owns, which is both private knowledge and personal. */
const THEIR_OWN_DATA = new RegExp(String.raw`\btheir own (?:\w+ ){0,2}${PERSONAL_DATA}\b`);

/** Things people are recommended. */
const ITEMS = String.raw`(?:products?|items?|content|movies?|films?|shows?|songs?|music|tracks?|episodes?|podcasts?|videos?|articles?|courses?|jobs?|books?|recipes?|restaurants?|hotels?|events?|games?|deals?|offers?|outfits?|playlists?|titles?|listings?|properties|homes?|trips?|destinations?)`;

/** Things a team's own knowledge lives in. */
const OWN_DOCS = String.raw`(?:archive|formulary|notebooks?|datasheets?|reference|catalog(?:ue)?s?|regulations|articles|docs?|documents?|documentation|manuals?|wiki|handbooks?|policies|policy|sops|contracts|files|records|guides|guidelines|playbooks?|runbooks?|procedures|specs|specifications|knowledge ?base|faqs?|notes|bookings?|rubrics?|data)`;

/** Where an answer's evidence is named: the things a user is shown to check an answer. */
const SOURCE_NOUN = String.raw`(?:sources?|documents?|docs?|pages?|clauses?|sections?|articles?|paragraphs?|sops?|polic(?:y|ies)|records?|reports?|circulars?|bulletins?|advisor(?:y|ies)|write.?ups?|rulings?|guidelines?|precedents?|contracts?|tickets?|ids?|numbers?|versions?|references?|links?|urls?|passages?|manuals?|bylaws?|regulations?|standards?|files?|entr(?:y|ies)|items?|studies|papers?|statutes?|provisions?)`;
const SHOW_VERB = String.raw`(?:link|links|linking|cite|cites|citing|show|shows|showing|quote|quotes|quoting|point|points|pointing|name|names|naming|say|says|tell|tells|give|gives|include|includes|reference|references|list|lists|display|displays|mention|mentions|see)`;
/** "each answer", "every claim": a requirement on every single output. */
const EVERY_ANSWER = String.raw`(?:every|each)(?: single)? (?:[\w-]+ )?(?:answers?|claims?|statements?|repl(?:y|ies)|responses?|recommendations?|suggestions?|facts?|figures?|sentences?|outputs?)`;

const MEDICAL = String.raw`(?:clinic\w*|doctor\w*|physician\w*|hospital\w*|medical|radiolog\w*|oncolog\w*|diagnos\w*)`;

export const CUES: Cue[] = [
  // task
  ...cue('task', 'summarization', 3, /\b(?:rolling|short|brief|quick|one.paragraph) summar(?:y|ies)\b/, /\bsummar(?:y|ies) of what\b/, /\bsummar(?:ize|ise|izes|ises|izing|ising|ization|isation)\b/, /\b(?:draft|write|generat|produc|creat)\w* (?:\w+ ){0,2}summar(?:y|ies)\b/, /\btl;?dr\b/, /\bdigest of\b/, /\b(?:morning|daily|weekly|nightly) digest\b/),
  ...cue('task', 'summarization', 1, /\bsummar(?:y|ies)\b/, /\brecaps?\b/),
  ...cue('task', 'classification', 2, /\binto (?:\d+ |three |four |five |six )?(?:buckets|queues|categories|classes|groups|bins)\b/, /\brout(?:e|es|ing) (?:\w+ ){0,3}(?:into|to)\b/, /\bsort (?:\w+ ){0,3}into\b/, /\bscore (?:\w+ ){0,2}\d\s*(?:-|–|to)\s*\d\b/, /\bcommand set\b/, /\b(?:intent|command) (?:recognition|detection|classification)\b/, /\broot.cause codes?\b/, /\bclassif(?:y|ies|ier|ication|ying)\b/, /\bcategori[sz](?:e|es|ing|ation)\b/, /\binto (?:our |the )?(?:\d+ )?(?:\w+ ){0,3}categories\b/,
    /\btag(?:s|ging)?\b(?! line)/, /\bflag(?:s|ging)?\b/, /\btriag(?:e|es|ing)\b(?! categor)/, /\bsentiment\b/, /\bpos\/neg\b/, /\bassign(?:s|ing)? (?:\w+ ){0,2}codes?\b/,
    /\burgent \/ not urgent\b/, /\bspam\b/, /\broute (?:tickets|emails|requests)\b/, /\bdetect(?:s|ing|ion)?\b/),
  ...cue('task', 'extraction', 2, /\bpull (?:[\w,]+ ){0,8}out of\b/, /\bfill (?:in |out )?(?:our |the |a )?(?:[\w-]+ ){0,2}(?:form|forms|fields|template)\b/, /\bnormali[sz]e (?:[\w/~-]+ ){0,8}into\b/, /\bextract(?:s|ing|ion)?\b/, /\bpull out\b/, /\bkeywords?\b/, /\bparse\b/, /\bnamed entit/, /\bfill (?:in )?(?:the )?fields\b/),
  ...cue('task', 'recommendation', 2, /\brecommender\b/, /\bsuggests? titles\b/, /\bsuggest(?:s|ing)? (?:\w+ ){0,2}(?:outfits?|products?|items?|recipes?|books?|courses?|players?|lineups?|tariffs?|plans?)\b/, /\bwho (?:do|should) i (?:start|pick|play)\b/, new RegExp(String.raw`\brecommend(?:s|ing|ation|ations|er)? (?:\w+ ){0,2}${ITEMS}\b`), new RegExp(String.raw`\b${ITEMS} recommendations?\b`), /\brecommendation (?:system|engine|feed)\b/, new RegExp(String.raw`\b(?:pick|picks|suggest|suggests|choose|chooses) (?:\d+|a few|some|the best|top \d+) (?:[\w-]+ ){0,2}${ITEMS}\b`), /\byou might (?:also )?like\b/),
  ...cue('task', 'analysis', 2, /\banaly[sz](?:e|es|is|ing)\b (?:\w+ ){0,3}(?:documents?|contracts?|reports?|filings?|texts?)/, /\bdocument analysis\b/, /\breview (?:[\w']+ ){0,2}contracts?\b/, /\bcluster(?:s|ing)? (?:[\w-]+ ){0,4}into\b/, /\bclustering\b/, /\binto themes\b/, /\b(?:spot|find|surface|identify|pull out) (?:\w+ ){0,3}(?:themes|trends|insights|patterns)\b/),
  ...cue('task', 'qa', 2, /\bq ?& ?a\b/, /\bq ?and ?a\b/, /\banswer(?:s|ing)? (?:\w+[' ]*){0,3}questions?\b/, /\bquestions? (?:about|on|from)\b/, /\bquestion.answering\b/, /\bfaq bot\b/, /\bhelp ?desk\b/),
  ...cue('task', 'qa', 2, /\bask (?:\w+ ){0,4}(?:stuff|things|questions) like\b/, /\banswer(?:s|ing)? (?:\w+ ){0,2}(?:calls|emails|queries|enquiries|inquiries) (?:about|on)\b/, /\banswers? (?:on|to|about) (?:what|which|how|whether|when|where)\b/),
  ...cue('task', 'classification', 2, /\b(?:sort|sorted|sorting|scored?|scoring|bucket\w*|binned|assign(?:ed)?|mapped|put) (?:[\w-]+ ){0,5}into (?:one of )?(?:our |the |a )?(?:\d+ )?(?:[\w-]+ ){0,2}(?:codes|bands|categories|classes|buckets|groups|labels|tiers|levels|queues|types)\b/),
  ...cue('task', 'generation', 2, /\bturn(?:s|ed)? (?:[\w']+ ){0,5}into (?:the |our |a |an )?(?:\w+ ){0,2}(?:reports?|e?mails?|letters?|notifications?|memos?|posts?|summaries|minutes)\b/, /\b(?:answer|answers|answering|reply to|replies to|respond to|responds to) (?:\w+ ){0,2}letters\b/),
  ...cue('task', 'chat', 2, /\bchat (?:tutor|assistant|companion|buddy)\b/, /\b(?:on|via|over|through) (?:whatsapp|telegram|messenger|wechat|sms)\b/, /\bchat naturally\b/, /\bchats? with\b/, /\bconversational(?:ist)?\b/, /\bsmall talk\b/, /\bchit.?chat\b/, /\bhold (?:a )?conversations?\b/),
  ...cue('task', 'generation', 2, /\b(?:auto.?)?(?:write|writes|writing)\b(?!.?ups?\b)/, /\bauto.?draft\w*\b/, /\bdrafted\b/, /\bfeedback on\b/, /\b(?:dialogue|barks|lines) that sound\b/, /\bturns? (?:[\w']+ ){0,5}into (?:a |an )?(?:\w+ ){0,2}(?:newsletter|email|post|report|memo|letter|story|version)\b/, /\bcode assistant\b/, /\bpropos(?:e|es|ing) (?:the |a )?(?:\w+ ){0,2}(?:version|rewrite|code)\b/, /\brewrit(?:e|es|ing|ten)\b/, /\bget (?:valid )?(?:[\w-]+ ){0,1}(?:config|code|sql|copy|drafts?) back\b/, /\b(?:need|want|produce|create|churn out) (?:\w+ ){0,2}(?:descriptions|copy|emails|letters|posts|articles|memos|replies|responses|captions|headlines)\b/, /\bwrite(?:s)? (?:\w+[ -]?){0,3}(?:reports?|explanations?|emails?|copy|posts?|articles?|descriptions?|notes?|responses?|letters?)\b/, /\bgenerat(?:e|es|ed|or|ing|ion)\b/, /\bdraft(?:s|ing)?\b/,
    /\btranslat(?:e|es|ing|ion)\b/, /\bbrainstorm\w*\b/, /\btaglines?\b/, /\bproduce (?:\w+ ){0,2}(?:reports?|text|copy)\b/, /\bcompose\b/, /\bcopywriting\b/, /\b(?:names|slogans|headlines|descriptions|emails|posts) generated\b/),
  ...cue('task', 'chat', 1, /\bchat ?bots?\b/, /\bcustomer (?:service|support)\b/, /\b(?:support|service|telco|customer) bots?\b/, /\bvoice assistant\b/, /\bcontact.cent(?:re|er) bot\b/, /\bbot for (?:our |the )?(?:customer )?(?:support|service|help.?desk)\b/, /\bassistant\b(?= that chats)/),
  ...cue('task', 'qa', 1, /\b(?:ask(?:s|ing)?|ping(?:s|ing)?|message|msg) (?:[\w-]+ ){0,4}about\b/, /\blook(?:s|ing)? up\b/, /\basks? things like\b/, /\bsupport assistant\b/, /\bknowledge base\b/, /\banswer\b/, /\bassistant\b/, /\bhelper\b/, /\bquestions?\b/),

  // knowledgeNeed
  ...cue('knowledgeNeed', 'none', 3, /\b(?:doesn't|does not|don't|do not|won't|never) (?:need to |have to )?look (?:anything|stuff|things|facts) up\b/, /\bno (?:\w+ ){0,2}facts (?:or anything|needed|required|involved)\b/,
    /\b(?:comes?|come) in with (?:each|every|the) request\b/, /\beverything (?:it|the model) needs is in the (?:prompt|request|input|message)\b/, /\bnothing fancy\b/, /\b(?:doesn't|does not|don't|do not|won't) need (?:any )?(?:company |outside |external |extra )?(?:facts|knowledge|data|documents)\b/,
    /\bcontent is fine\b/, /\bpurely (?:the )?(?:output )?format\b/, /\bgeneral content\b/, /\bno (?:outside|external|extra) (?:knowledge|data)\b/, /\bnothing factual\b/, /\bno facts? (?:needed|required)\b/, /\bneeds? nothing beyond\b/, /\b(?:all )?the facts are (?:already )?in the\b/, /\b(?:hardly|rarely|seldom) (?:ever )?needs? (?:any )?facts\b/, /\bnothing (?:needs|has) to be look(?:ed|ing) up\b/, /\bnothing needs looking up\b/, /\bpurely (?:reading|from|based on) the\b/),
  ...cue('knowledgeNeed', 'none', 1, /\b(?:paste|pastes|pasted)\b/),
  ...cue('knowledgeNeed', 'none', 2, /\btranslat(?:e|es|ing|ion)\b/, /\bbrainstorm\w*\b/, /\bsentiment\b/, /\bpos\/neg\b/, /\bkeywords?\b/, /\bapp.store reviews?\b/),
  ...cue('knowledgeNeed', 'public', 3, /\bgeneral.knowledge\b/, /\bpublished (?:studies|papers|research|literature|trial|results)\b/, /\bnewest published\b/, /\b(?:trial results|news|current events|world knowledge|web search|public data)\b/, /(?<!\b(?:our|their) )\bfilings\b/,
    /\b(?:code sets?|payer rules|regulations|regs)\b(?= .{0,40}(?:updat|chang))/, /\btoday's prices\b/, /\b(?:upcoming|local) events\b/, /\bpapers published\b/, /\barxiv\b/, /\bpubmed\b/),
  ...cue('knowledgeNeed', 'proprietary', 2, new RegExp(String.raw`\b(?:our|internal|company|in.house)(?: [\w~.,-]+){0,4} ${OWN_DOCS}\b`), /\bdepartment(?:al|'s) (?:\w+ ){0,2}(?:handbooks?|guides?|policies|rules|procedures|regulations)\b/,
    /\bpolicy lines\b/, /\bpolicy (?:wordings?|pdfs?|docs?|documents?|manuals?|files|library)\b/, /\bproduct (?:docs|documentation|manuals?|catalog(?:ue)?|specs|sheets|pages|information|info)\b/, /\bstock levels?\b/, /\b(?:service|technical) bulletins\b/, new RegExp(String.raw`\b${OWN_DOCS} (?:are|is) (?:all )?ours\b`), /\b(?:what|which) (?:\w+ ){0,2}we (?:stock|sell|carry|offer|have in stock)\b/, /\b(?:protocols|sops|procedures|policies|manuals|handbooks|specs|work instructions|playbooks|runbooks) (?:get |are |is |were )?(?:amended|revised|updated|edited|rewritten)\b/, /\b(?:tracking|shipment|order|account|booking) (?:data|events|info|information|status|details|records)\b/, /\b(?:pull|pulls|pulling|fetch\w*|draw\w*) (?:\w+ ){0,3}from (?:the |our )?(?:current |latest |live )?(?:[\w-]+ ){0,2}(?:records|data|database|systems?|logs)\b/, /\bstandard response letters\b/, /\bhome.grown\b/, /\bno public examples\b/, /\b(?:the|our) archive\b/, /\b(?:each|every|that) \w+'s own\b/, new RegExp(String.raw`\b${PERSON}'s (?:own )?(?:\w+ ){0,1}${PERSONAL_DATA}\b`), THEIR_OWN_DATA, /\b(?:our|internal|in.house|company) (?:own )?(?:[\w-]+ ){0,2}(?:reports|write.?ups|records|tickets|inventory|orders|logs|queue)\b/, /\bin stock\b/,
    /\b(?:lives?|stored|sits?|sitting|kept) in (?:our |the )?(?:\w+ )?(?:yardi|workday|salesforce|sap|servicenow|zendesk|hubspot|tms|erp|crm|ehr|emr|eln|lims|database|db|sharepoint|confluence)\b/,
    /\b(?:workday|salesforce|servicenow|zendesk|hubspot|yardi|tms|ehr|emr|eln|lims|scada)\b/,
    /\btheir (?:own )?(?:record|bill|lease|balance|orders|account|shipment|booking|plan)\b/, new RegExp(String.raw`\b(?:their|your) own (?:\w+ ){0,2}${OWN_DOCS}\b`),
    /\bour (?:\w+ ){0,2}(?:feed|inventory|booking system)\b/,
    /\b(?:maintenance|service|repair|operating|user|technical|installation) manuals?\b/, /\b(?:live|local|store) (?:inventory|stock|availability)\b/, /\bflight status\b/, /\bsops\b/, /\b(?:our|internal|company|in.house|proprietary|private|corporate)(?: \w+){0,3} (?:database|data|records?|files)\b/),
  ...cue('knowledgeNeed', 'proprietary', 3, /\b(?:our|internal|company|in.house|proprietary|private|corporate)(?: \w+){0,3} (?:docs?|documents?|documentation|manuals?|wiki|handbook|policies|policy|knowledge ?base|faqs?|products?|catalog(?:ue)?|tickets|contracts|wording|papers)\b/,
    /\b(?:employee handbook|device manuals?|product manual|policy documents?|docs site|account details|their accounts?|workout logs|patient's chart|client's profile|holdings|plan prices|internal (?:and|or) published)\b/,
    /\b(?:each|every) (?:user|client|customer|member|patient)(?:'s)? (?:own )?(?:\w+ ){0,2}(?:data|profile|history|logs?|records?|accounts?)\b/),
  ...cue('knowledgeNeed', 'proprietary', 2, /(?<!\binto (?:the |our )?)\b(?:confluence|sharepoint|notion|intranet|jira|crm|erp)\b/, /\b(?:runbooks?|playbooks?|handbooks?|wikis?)\b/, new RegExp(String.raw`\b[a-z]+'s (?:current |latest |own )${OWN_DOCS}\b`), /\binternal (?:\w+ ){0,2}(?:pages|sites?|systems?|tools?|standards|guidelines|circulars|alerts|notices|memos|bulletins|instructions|announcements)\b/, /\bcontracts\b/, /\border (?:status|history)\b/),
  ...cue('knowledgeNeed', 'public', 2, /\b(?:cve|nvd|vendor advisories|market feeds?|weather|injury (?:reports|news)|extension service|exchange rates|stock prices|box scores|match stats)\b/, /\b(?:published|issued) by (?:the )?(?:regulator|government|authorit\w+|agency|ministry)\b/, /\b(?:regulator|government|official)(?:'s)? (?:\w+ ){0,2}(?:labels|guidance|rules|publications|data|website)\b/,
    /\b(?:patent office|finance act|legislation|statutes?|case law|tax (?:law|code|rules)|wire (?:stories|copy|services?)|newswires?|press releases|public (?:records|filings|websites?|web|sources))\b/, /\bnewsroom\b/, /\b(?:hmrc|irs|fda|ema|sec) (?:guidance|rules|filings|labels)\b/, /\brecent research\b/, /\b(?:new |latest )?(?:rulings|circulars|decisions) (?:from|by|of) the (?:\w+ ){0,2}(?:authority|regulator|government|ministry|agency|court)s?\b/, /\bcurrent rates\b/, /\bmarket (?:data|info|news)\b/),

  // knowledgeFreshness
  ...cue('knowledgeFreshness', 'static', 3, /\bonce in a blue moon\b/, /\bfrozen since\b/, /\bhasn't changed in (?:\d+ )?(?:years|yrs|ages|decades)\b/, /\bnot (?:been )?(?:touched|updated|changed|revised) since\b/, /\b(?:is|are) (?:locked|fixed|frozen|final)\b/, /\b(?:basically|pretty much|almost|practically) never\b/, /\bhasn't changed in (?:years|ages|decades)\b/, /\b(?:hasn't|has not|haven't|have not) (?:changed|moved|shifted|budged) (?:since|in|for)\b/, /\b(?:are|is) frozen\b/, /\bno (?:more|further|new) (?:revisions|updates|versions|editions)\b/, /\b(?:won't|will not|will never) change\b/, /\b(?:barely|rarely|never|hardly|almost never|seldom) (?:ever )?(?:move|moves|change|changes|changed|updated|update)\b/, /\bbasically static\b/, /\bnothing new (?:gets|is|will be) added\b/, /\b(?:corpus|collection|archive|set) is closed\b/, /\b(?:the )?same (?:since|for) (?:years|ages|decades)\b/, /\b(?:is|are|stays?) static\b/,
    /\b(?:doesn't|does not|don't|do not) (?:really )?change\b/, /\bfixed set\b/, /\bstable\b/, /\bstatic\b/),
  ...cue('knowledgeFreshness', 'yearly', 3, /\b(?:once|twice) a year\b/, /\b(?:yearly|annually|annual)\b/, /\bquarterly\b(?! (?:\w+ )?(?:report|newsletter|digest|summary|meeting|email|review|call)s?\b)/, /\bevery (?:quarter|year)\b/),
  ...cue('knowledgeFreshness', 'monthly', 3, /\bevery (?:term|semester|season)\b/, /\b(?:a )?few times a quarter\b/, /\bmonthly.ish\b/, /\bmonthly\b(?! (?:\w+ )?(?:report|newsletter|digest|summary|meeting|email|review|call)s?\b)/, /\b(?:every|each|once a) month\b/, /\blast month\b/, /\bseveral times a year\b/, /\bfew times a year\b/, /\bevery (?:few|couple of|2|3|two|three) months\b/, /\bevery (?:few|3|4|three|four) weeks\b/),
  ...cue('knowledgeFreshness', 'weekly', 3, /\bweekly\b(?! (?:\w+ )?(?:report|newsletter|digest|summary|meeting|email|standup|review|call)s?\b)/, /\b(?:every|each|once a) week\b/, /\bevery (?:couple of|2|two) weeks\b/, /\bbi-?weekly\b/, /\bevery (?:sprint|release)\b/, /\b(?:most|many) weeks\b/, /\bas they come out\b/, /\bstay(?:s)? current\b/, /\bupcoming (?:local )?events\b/, /\b(?:this|last) week\b/),
  ...cue('knowledgeFreshness', 'daily', 3, /\b(?:add|adds|added|publish|publishes|new) (?:~|about |around )?\d+ (?:\w+ )?a day\b/, /\b(?:several|many|multiple|a few) times a day\b/, /\bdaily\b(?! (?:\w+ )?(?:report|newsletter|digest|summary|meeting|email|standup|review|call)s?\b)/, /\b(?:every|each|once a) day\b/, /\b(?:every|each) (?:night|evening|morning)\b/, /\btoday's\b/, /\bevery shift\b/, /\bthis morning\b/, /\bnightly\b/, /\bcurrent rates\b/, /\bworkout logs?\b/, /\bpatient's chart\b/),
  ...cue('knowledgeFreshness', 'realtime', 3, /\bhourly\b/, /\bchanges? with (?:each|every) (?:payment|transaction|order|purchase|sale|booking|trade|event)\b/, /\bby the minute\b/, /\bminute by minute\b/, /\bstreams? in\b/, /\b(?:data|feeds?|events|alarms|prices|inventory|stock|tracking) (?:\w+ ){0,3}(?:is |are )?(?:in )?real.?time\b/, /\baround the clock\b/, /\b(?:last|past) (?:few |couple of )?(?:hours|minutes)\b/, /\bup.to.the.minute\b/, /\bbreaking news\b/,
    /\blive\b(?= (?:\w+ ){0,3}(?:availability|status|feeds?|data|prices|scores|inventory|stock|updates?|positions|traffic|odds))/, /\breal.?time (?:data|prices|feeds?|information|updates)\b/, /\b(?:every|each) (?:minute|second|hour)\b/, /\bevery (?:few|couple of|\d+|five|ten|fifteen|thirty) (?:minutes|mins|seconds|secs)\b/, /\bstreaming data\b/),
  ...cue('knowledgeFreshness', 'weekly', 1, /\bnew (?:ones|papers|studies|content|products|articles) (?:every|each|as|keep)\b/, /\b(?:updated|edited|revised|changed) (?:often|frequently|regularly|constantly|all the time)\b/, /\bchanges? (?:often|frequently|constantly|all the time)\b/, /\b(?:added|published|released) (?:daily|weekly|all the time|constantly)\b/),

  // behaviourNeed
  ...cue('behaviourNeed', 'strict', 3, /\bto the letter\b/, /\bscripted phrases\b/, /\b(?:is|are) strict about\b/, /\bapproved (?:phrasing|wording|language|terminology|scripts?|disclaimers?)\b/, /\b(?:must|has to|have to|needs? to) always (?:include|end with|start with|add|mention|use|say)\b/,
    /\bprompt(?:ing|s|-only| only|ed)? (?:\w+ ){0,4}(?:misses|ignores|forgets|breaks|fails|drifts|drifting|missing|ignoring|breaking|failing|gets (?:us )?(?:maybe |about |only |roughly )?\d+ ?%)/, /\b(?:rigid|strict) conventions\b/,
    /\b(?:in|match(?:es|ing)?) (?:our|the) (?:\w+'? ){0,2}(?:house style|style guide|brand voice)\b/, /\bin our (?:\w+'? ){0,2}(?:style|voice)\b/, /\bstrict (?:template|format|style|rules?|guidelines?)\b/, /\bexact (?:\w+ ){0,2}(?:template|format|wording|style|names|terms|terminology|phrasing|disclosures?|disclaimers?|headings)\b/, /\b(?:terms|terminology|names|wording|codes) used exactly\b/, /\b(?:structure|format|template|layout|order) exactly\b/, /\bevery single time\b/, /\b(?:house|brand|our) (?:format|voice|style|tone)\b/,
    /\bbreaks? (?:our |the )?(?:json|schema|format)\b/, /\bdrift(?:s|ing)? (?:off|from) (?:the |our )?(?:format|template|style|tone|voice)\b/, /\b(?:prompt[\w-]*|models?|prototypes?|pilot|llms?|gpt[\w.-]*|claude|gemini|llama[\w.-]*|mistral|it)\b,? (?:[\w,'-]+ ){0,8}?(?:still )?(?:slip(?:s|ped)? in(?:to)?|creeps? in|drift(?:s|ed)? into|paraphras(?:e|es|ed|ing)|reorder(?:s|ed|ing)?|mangles?|garbles?)\b/, /\b(?:respects?|follows?|adheres? to|sticks? to|in line with|complies with) (?:our|the firm's|the company's|their) (?:[\w-]+ ){0,3}(?:standards|guidelines|conventions|style guide|house style|drafting style)\b/, /\bhouse (?:\w+ )?style\b/, /\bhouse (?:template|format|tone|voice)\b/, /\bour (?:fixed|standard|set|rigid) (?:[\w-]+ ){0,2}(?:format|template|structure)\b/, /\bpurely (?:the )?(?:output )?format\b/, /\bsound(?:s)? like (?:us|our)\b/, /\bphrasing rules\b/, /\bin the (?:[\w-]+ )?voice of\b/, /\b(?:it|the model|the bot|output) (?:still )?drifts\b/, /\bsign.?offs?\b/, /\bthe way our \w+ (?:do|does|write|talk)\b/,
    /\b(?:marketing|legal|compliance) hates the tone\b/, /\bhas to follow our\b/, /\banswer like a specialist\b/, /\bfollows? our (?:\w+ ){0,2}(?:standards|guidelines|conventions|style guide|phrasing)\b/,
    /\b(?:must|has to|have to|needs? to) (?:always )?(?:be|produce|return|output|emit) valid (?:json|xml|yaml)\b/, /\bevery time\b/, /\bbrand (?:voice|tone)\b/, /\b(?:tone|voice|style) strictly\b/, /\bstrictly\b(?= .{0,20}\b(?:tone|voice|format|style)\b)/, /\bvoice\b(?= .{0,30}\b(?:specific|sign|brief|friendly)\b)/),
  ...cue('behaviourNeed', 'light', 1, /\b(?:polite|friendly|readable|warm|tidy|cheerful)\b/),
  ...cue('behaviourNeed', 'none', 2, /\bno special (?:format|style|tone)\b/, /\bplain prose (?:is|answers are|answers is) fine\b/),
  ...cue('behaviourNeed', 'light', 2, /\bnatural conversationalist\b/, /\bfriendly tone\b/, /\bhate robotic\b/, /\brobotic answers\b/, /\bin (?:a|our) (?:friendly|professional|casual) tone\b/),
  ...cue('behaviourNeed', 'none', 2, /\bno (?:particular |special )?(?:style|tone|format) (?:rules|requirements)\b/, /\bany (?:style|tone|format) (?:is|will do)\b/),

  // outputStructure
  ...cue('outputStructure', 'structured', 3, /\bnumbered sections\b/, /\bhouse structure\b/, /\b(?:fixed|rigid|set) (?:[\w-]+ ){0,1}(?:structure|template|layout|format)\b/, /\bspreadsheet\b/, /\b(?:intake|web|our|the) form\b/, /\b\d+.field\b/, /\bfixed field names\b/, /\bjson\b/, /\bschema\b/, /\bstructured (?:[\w-]+ ){0,1}(?:template|output|format|data|payload|record|response|report)s?\b/, /\b(?:in )?(?:a|the) (?:fixed|same|set) order\b/, /\b(?:fixed|set) (?:[\w-]+ ){0,1}(?:headings|sections|fields)\b/, /\bvalid (?:json|xml|yaml|config|sql|csv)\b/, /\b(?:regulated|mandated|prescribed|required) (?:[\w-]+ )?(?:format|template|structure|layout)\b/, /\binto (?:our |the |one of )?(?:\d+|\w+) (?:[\w-]+ )?(?:codes|categories|classes|labels)\b/, /\btemplate\b/, /\b(?:in|into|as|a|fill|fills|produce|return|output) (?:a |the |our )?(?:\w+ )?tables?\b(?! of contents)/, /\btable format\b/, /\bsame (?:skeleton|structure|sections|layout|template|format)\b/, /\b(?:template|format|layout|structure) is (?:rigid|fixed|strict)\b/, /\bfollows? (?:the |our )?(?:[\w-]+ ){0,3}(?:structure|template|layout) exactly\b/, /\bhouse format\b/, /\bnumbered steps\b/, /\bxml\b/, /\bcsv\b/),
  ...cue('outputStructure', 'structured', 2, /\bin (?!(?:any|free|plain|whatever|no|a|the|our own)\b)(?:[\w-]+ ){1,2}(?:structure|format)\b/),
  ...cue('outputStructure', 'free', 2, /\bno (?:special|particular|fixed) (?:format|structure|template|layout)\b/, /\bfree.?(?:form|text)\b/),

  // domainLanguage
  ...cue('domainLanguage', 'general', 3, /\bnothing domain.specific\b/, /\bnot domain.specific\b/, /(?<!\b(?:ask|asks|asking|type|typing|describe|query|questions?)(?: [\w-]+){0,3} in )\b(?:ordinary|everyday|plain|general|consumer|normal) (?:\w+ ){0,1}(?:language|content|english|words)\b/, /\bgeneral.knowledge\b/, /\bnothing fancy\b/, /\bno jargon\b/, /\bno (?:special|specialist|technical|particular|domain) (?:vocabulary|terminology|terms|language|jargon|words)\b/, /\bany (?:large |general |decent |off.the.shelf )?(?:model|llm) (?:already )?(?:understands|knows|handles)\b/),
  ...cue('domainLanguage', 'general', 2, /\b(?:ordinary|everyday|plain|simple|normal) (?:wording|english|words|language|code)\b/, /\bnothing (?:technical|exotic)\b/),
  ...cue('domainLanguage', 'specialized', 3, /\blegal drafting\b/, /\bdsl\b/, /\bhome.grown (?:\w+ ){0,2}(?:language|syntax)\b/, /\b(?:legal|medical|clinical|claim|regulatory|scientific|actuarial) language\b/, /\bproper (?:\w+ ){0,1}(?:terminology|terms|vocabulary)\b/, /\bterminolog(?:y|ies)\b/, /\bjargon\b/, /\b(?:typologies|regs)\b/, /\bmoney.laundering\b/, /\b(?:medical|diagnosis|billing) cod(?:ing|es)\b/, /\bdomain.specific (?:language|vocabulary|terms)\b/, /\bniche vocabulary\b/, /(?<!\b(?:into|avoid|avoids|no|without)(?: \w+ (?:or|and))? )\blegalese\b/, /\b(?:terms|vocabulary|wording|language|jargon) (?:is|are) (?:very |quite |pretty |really )?(?:us|company|domain|industry|firm|house).specific\b/, /\btechnical (?:[\w-]+ )?(?:language|vocabulary|terminology)\b/, /\bin.house (?:[\w-]+ ){0,2}(?:language|syntax|dsl)\b/, /\b(?:abbrevs?|abbreviations|acronyms)\b/, /\b[\w-]+ slang\b/, /\b(?:our|its) own (?:\w+ ){0,1}(?:vocabulary|terms|lingo)\b/, /\b(?:vocabulary|terminology|language|jargon|wording) is (?:\w+ )?speciali[sz]ed\b/, /\bspeciali[sz]ed (?:vocabulary|terminology|language|terms)\b/, /\b(?:legal|regulatory|clinical|technical|medical|scientific) register\b/),
  ...cue('domainLanguage', 'specialized', 2, /\bradiolog\w*\b/, /\boncolog\w*\b/, /\bclinical notes\b/, /\bequity research\b/, /\bstock notes\b/),

  // accuracyStakes
  ...cue('accuracyStakes', 'high', 3, /\baccuracy matters\b/, /\b(?:cannot|can't|must not|mustn't|must never) make (?:things|stuff|anything) up\b/, /\b(?:wrong|mistake|error)\b.{0,60}\b(?:fails?|complaint|ombudsman|penalt\w+|inspection)\b/, /\b(?:wrong|incorrect|inaccurate|made.up|bad|invents?)\b.{0,60}\b(?:(?<!\bno |not a |its no |it's no )big deal|(?<!rather than a |not a |never a )disaster|lawsuits?|liabilit\w+|negligence|incidents?|dangerous|unacceptable|fines?|harm|hurt|breach|not an option|notice instantly|wrong path)\b/,
    /\b(?:could|would|might|can) (?:\w+ ){0,2}(?:get )?(?:hurt|harm\w*|injured|killed)\b/, /\bnot an option\b/, /\bregulatory breach\b/, /\bnegligence\b/, /\bpatient.safety\b/, /\bsafety (?:incident|issue|risk)s?\b/, /\blawsuits?\b/, /\bmakes? up\b/, /\bhallucinat\w*\b/, /\b(?:can't|cannot) afford (?:to be wrong|mistakes|errors)\b/, /\bmust be (?:accurate|correct)\b/, /\b(?:really )?(?:has|have|needs?) to be (?:right|correct|accurate)\b/, /\b(?:wrong|bad|incorrect|made.up|invented|hallucinated) (?:\w+ ){0,3}?(?:could|can|would|might|will) (?:\w+ ){0,2}(?:turn into|become|lead to|result in|trigger|cause|end up)\b/, /\bhigh stakes\b/, /\bsafety.critical\b/, /\bcompliance is nervous\b/, /\b(?:a |an )?(?:bad|wrong|incorrect|misquoted|misstated|garbled|botched) (?:[\w-]+ ){0,5}?(?:could|can|would|might|will) (?:\w+ )?(?:cost|ground|scrap|delay|put|send|destroy|breach|harm|hurt|kill|lose|mislead|expose)\b/, /\b(?:misstat|misquot)\w* (?:[\w'-]+ ){0,5}?(?:could|would|might|can)\b/, /\bwrongly (?:\w+ ){0,2}(?:could|would|might)\b/),
  ...cue('accuracyStakes', 'high', 2, /\bgetting (?:\w+ ){0,5}wrong\b/, /\bgets? (?:it|that|this|things|something|anything|an answer) wrong\b/, /\bnotices? (?:instantly|immediately|right away)\b/),
  ...cue('accuracyStakes', 'high', 2, new RegExp(String.raw`\b${MEDICAL}`), /\bclinical decision\b/, /\bradiologists?\b/, /\blawyers?\b/, /\blegal advice\b/),
  ...cue('accuracyStakes', 'low', 3, /\ba mistake (?:just )?means\b/, /\bjust gets? (?:dragged|moved|fixed|corrected|rerouted|sent back|reassigned)\b/, /\b(?:read|reads|skim|skims|edit|edits|check|checks|fix|fixes|review|reviews|vet|vets) (?:\w+ ){0,3}anyway\b/, /\bgood enough (?:is|will be) (?:fine|ok|okay)\b/, /\b(?:nuisance|annoyance|inconvenience) rather than\b/, /\bset (?:it|them|things) straight\b/, /\bmakes? (?:no|little) (?:real )?difference\b/, /\b(?:no|not a|its no|it's no) big deal\b/, /\bpurely creative\b/, /\b(?:double.checks?|checks?|reviews?|vets?) (?:each|every|all) (?:one|of them|item|question|draft|output|reply)\b/,
    /\b(?:edits?|reviews?|checks?|approves?|reads?) (?:\w+ ){0,2}before (?:\w+ ){0,2}(?:see|sees|use|uses|goes|go|it's|its|posting|sending|publishing)\b/, /\bwe pick what we like\b/, /\bhuman.in.the.loop\b/, /\b(?:they'll|they will|we'll|we will|someone will|people will|humans will) (?:edit|review|check|fix)\b/, /\blow stakes\b/, /\bmistakes are (?:fine|ok|okay|cheap)\b/, /\bnot critical\b/, /\bjust (?:for )?(?:a )?(?:dashboard|fun|internal brainstorm)/),

  // citations
  ...cue('citations', 'required', 3, /\b(?:which|what) (?:[\w-]+ ){1,2}(?:it|they|the answer|an answer|each answer|this) (?:came|comes|was taken|is taken) from\b/, /\b(?:each|every) answer (?:shows?|names?|includes?|gives?|quotes?|lists?) (?:the )?(?:[\w-]+ ){0,2}(?:document|source|reference|number|clause|article|page|section|regulation|policy|id)s?\b/),
  ...cue('citations', 'required', 3, /\bpoint(?:s)? (?:us )?(?:back )?to the (?:exact |specific |original )?(?:clause|section|page|paragraph|source|document|passage|line|article)\b/, /\bcites\b/, /\blinks? (?:back )?to the (?:source|document|page|original)\b/, /\btraceable\b/, /\b(?:paper|document|source|doc|page|policy|article|section|clause|rule|deck|report|manual) (?:an |the |each |it |they )?(?:answers? |claim )?(?:came|comes) from\b/, /\bsee the (?:document|source|page|doc|manual)s? behind\b/, /\btrac(?:e|ed|ing) (?:\w+ ){0,3}?(?:back )?to (?:the|its|a|their)\b/, /\blinks? to the (?:\w+ ){0,2}(?:page|source|document|article|section)\b/, /\bwith references\b/, /\bwhere the info(?:rmation)? came from\b/, /\bcit(?:e|es|ing|ations?) (?:the |its |their )?sources?\b/, /\bcitations? (?:are )?(?:required|needed|mandatory)\b/,
    /\bshow (?:the |its |their )?sources\b/, /\b(?:need|must|have) to (?:see|show|know) (?:the )?sources?\b/, /\bsource (?:links|references|attribution)\b/, /\bcite\b/, /\bcited\b/, /\bwith (?:citations|sources)\b/, /\bcitations?\b/, /(?<!\b(?:api|in-world|lore|pop.culture|cultural) )\breferences?\b(?! ?(?:architecture|implementation|manual|docs?|documentation|guide|designs?|data|numbers?|images?|tracks?|letters?|checks?)\b)(?!,)/),
  ...cue('citations', 'required', 3, new RegExp(String.raw`\b${EVERY_ANSWER}\b[^.!?]{0,60}?\b(?:links?|linked|citations?|cited?|referenced|sourced|footnoted|attributed)\b`), new RegExp(String.raw`\b${EVERY_ANSWER}\b[^.!?]{0,60}?\b${SHOW_VERB}\b[^.!?]{0,40}?\b${SOURCE_NOUN}\b`),
    new RegExp(String.raw`\b${SHOW_VERB}\b[^.!?]{0,30}?\b(?:which|what|the)\b[^.!?]{0,50}?\b(?:it|they|the (?:bot|model|assistant|answer)|each answer|each \w+) (?:came|comes|was taken|were taken|used|relied on|is based on|was based on|are based on)\b`),
    new RegExp(String.raw`\b${SOURCE_NOUN} (?:it|they|the answer|each answer) (?:came|comes) from\b`), new RegExp(String.raw`\b${SOURCE_NOUN} (?:behind|supporting|backing) (?:each|every|the|its|their) (?:answer|claim|reply|response|statement)s?\b`),
    /\bquot(?:e|es|ing) (?:the )?(?:exact )?(?:[\w-]+ ){0,2}(?:paragraphs?|clauses?|sections?|passages?|articles?|provisions?|rulings?|statutes?|sops?)\b(?! (?:number|count))/, /\bread (?:out )?the exact (?:clause|paragraph|passage|section|wording)\b/, /\bpinpoint\b/),
  ...cue('citations', 'no', 3, new RegExp(String.raw`\b${NEG} (?:need|require|care about) (?:any )?(?:citations|sources|references)\b`), /\bno (?:citations|sources|references) (?:needed|required|necessary)\b/,
    /\b(?:citations|sources|references) (?:aren't|are not|not) (?:needed|required|necessary)\b/),
  ...cue('citations', 'nice', 3, /\b(?:citations|sources|references) (?:would be|are) nice\b/, /\bnice to (?:cite|show sources|have sources)\b/, /\b(?:link\w*|cit\w*|sources?|references?)\b.{0,50}\b(?:would be|is|as) (?:a )?(?:bonus|plus|nice.to.have)\b/),

  // labeledExamples (quantities are read separately)
  ...cue('labeledExamples', 'none', 3, /\bnothing to train on\b/, new RegExp(String.raw`\b${NEG} (?:\w+ ){0,4}to train (?:it )?on\b`), new RegExp(String.raw`\b${NEG} (?:\w+ ){0,3}labell?ed (?:q ?& ?as?|qa|pairs|samples|anything|outputs?)\b`), new RegExp(String.raw`\b${NEG} (?:\w+ ){0,3}(?:labell?ed|training|q ?& ?a|q&a|example|annotated) (?:[\w-]+ )?(?:data|examples|pairs|set|history)\b`), new RegExp(String.raw`\b${NEG} (?:\w+ ){0,2}(?:examples? )?question.answer pairs\b`), new RegExp(String.raw`\b${NEG} (?:prepared |written |ready |existing )?examples\b`), /\bno history of labels\b/, /\bno labels\b/, /\bno (?:labell?ed )?examples\b/,
    /\b(?:don't|do not) have any (?:\w+ ){0,2}data\b/, /\bno (?:q ?& ?a|training) data\b/, /\bnever (?:labell?ed|annotated|tagged|labell?ed)\b/, /\bno (?:\w+ ){0,2}(?:collection|set|archive|corpus|bank) of (?:past |previous |old )?(?:questions|answers|examples|q ?& ?as|pairs|conversations|transcripts)\b/),
  ...cue('labeledExamples', 'few', 2, /\ba (?:handful|few dozen|couple dozen) (?:of )?(?:\w+ ){0,2}(?:examples|pairs|samples)\b/),
  ...cue('labeledExamples', 'hundreds', 2, /\b(?:a few|several|some) hundred\b/, /\bhundreds of (?:\w+ ){0,2}(?:examples|pairs|samples|tickets|cases|transcripts|conversations)\b/),
  ...cue('labeledExamples', 'thousands', 2, /\b(?:\w+|\d+) years of (?:past |historical |old )?(?:claims|tickets|cases|records|transcripts|emails|reports|data)\b/, /\b(?:thousands|millions|tens of thousands) of (?:[\w/-]+ ){0,2}(?:examples|pairs|samples|tickets|cases|transcripts|conversations|records|reports|events|ratings|interactions)\b/),

  // modelClass (parameter counts are read separately)
  ...cue('modelClass', 'frontier-api', 3, /\bgpt.?(?:4|5)\w*\b/, /\bclaude\b/, /\bgemini\b/, /\bjust gpt\b/, /\bopenai(?:'s)? (?:api|models?)\b/, /\bhosted (?:large |frontier )?(?:model|llm)\b/, /\bfrontier model\b/, /\bgpt with a system prompt\b/),
  ...cue('modelClass', 'frontier-api', 2, /\b(?:chat)?gpt\b/),
  ...cue('modelClass', 'open-medium', 3, /\bllama\b/, /\bmistral\b/, /\bmixtral\b/, /\bfalcon\b/, /\bqwen\b/, /\bself.host\w*\b/),
  ...cue('modelClass', 'small', 3, /\btiny model\b/, /\bphi.?[23]\b/, /\bsmall (?:\w+ ){0,2}model\b/, /\btinyllama\b/, /\bgemma.?2b\b/, /\bdistil\w*\b/, /\bzephyr\b/),

  // latency
  ...cue('latency', 'realtime', 3, /\bsub.second\b/, /\bunder (?:a|one) second\b/, /(?<!\bnotices? )\binstant(?:ly|aneous)?\b/, /\breal.?time (?:response|answers?|latency)\b/, /\bresponse has to start\b/),
  ...cue('latency', 'interactive', 2, /\b(?:a (?:couple|few) (?:of )?(?:secs|seconds)|couple of seconds|few seconds)\b/),
  ...cue('latency', 'relaxed', 2, /\bbatch\b(?! programs?)/, /\bovernight\b/, /\blatency (?:doesn't|does not|isn't) (?:matter|critical)\b/, /\bno rush\b/),

  // deployment
  ...cue('deployment', 'on-device', 3, /\bin.car\b/, /\bon.device\b/, /\boffline\b/, /\bon (?:the )?(?:phone|edge|device)\b/, /\bedge devices?\b/, /\bembedded\b/, /\bsmartphones?\b/, /\bon (?:the )?(?:players'|users'|customers'|people's|their|drivers') (?:own )?(?:pcs|laptops|machines|computers|devices|phones|consoles)\b/, /\binside the (?:game |desktop |mobile )?client\b/, /\bclient.side\b/, /\b(?:run|runs|running) (?:it |this |the model )?(?:locally )?on (?:\w+ )?(?:phones|tablets|laptops|handsets|wearables)\b/, /\bin the browser\b/, /\bnothing leaves the (?:device|phone|laptop|tablet|machine)\b/, /\brun(?:s|ning)? locally on\b/, /\bno server calls\b/, /\bon the (?:console|tablets?|handhelds?|headset)\b/),
  ...cue('deployment', 'cloud', 2, /\b(?:azure(?: openai)?|bedrock|vertex(?: ai)?|in the cloud|cloud.hosted|saas)\b/),

  // mlCapacity
  ...cue('mlCapacity', 'none', 3, new RegExp(String.raw`\b${NEG} (?:\w+ ){0,2}gpus?\b`), /\bnobody (?:who|that) has trained\b/, new RegExp(String.raw`\b${NEG} (?:\w+ ){0,2}(?:ml|machine learning|data science|ai) (?:team|people|engineers|experience|expertise|staff|folks|skills|person|engineer|background)\b`), /\bonly (?:have )?cpus?\b/, /\bcpu (?:boxes|only|servers|machines)\b/,
    /\bnever trained a model\b/, /\bno (?:ml|ai) (?:people|folks|skills)\b/, new RegExp(String.raw`\b${NEG} (?:\w+ ){0,2}(?:technical|tech|engineering|developer|dev) (?:staff|people|team|folks|skills)\b`)),
  ...cue('mlCapacity', 'some', 3, /\b(?:we )?(?:do )?have (?:some |a few |a couple of )?gpus\b/, /\bsome (?:ml|machine learning) (?:experience|people)\b/, /\b(?:one|an?|a single|1) (?:ml|machine learning|data) (?:engineer|scientist)\b/,
    // One person who has trained a model is some capacity, not a team.
    /\b(?:only one|one|a single|1|an?) (?:\w+ ){0,2}(?:engineer|developer|dev|person|colleague|scientist|intern) (?:\w+ ){0,3}(?:has|had) (?:already |once |previously )?(?:fine.tuned|trained|done)\b/),
  ...cue('mlCapacity', 'some', 2, /\b(?:a couple of|a few|some|two|2) gpus\b/, /\b(?:a couple|a few|some|two|2|an?) (?:of )?(?:a100|h100|v100|a10g?|l40s?|rtx ?\d+|t4)s?\b/),
  ...cue('mlCapacity', 'strong', 3, /\b(?:ml|machine learning|data science|ds|ai|recsys|nlp)(?: platform| research| engineering)? (?:team|group)\b(?! .{0,10}\b(?:no|none)\b)/, /\bgpu cluster\b/, /\bplenty of gpus\b/, /\bwe (?:regularly )?train (?:our own )?models\b/, /\b(?:team|engineers|we|folks|people) (?:\w+ ){0,3}(?:already |regularly )?(?:fine.tunes?|trains?) (?:[\w-]+ ){0,2}(?:models?|llms?|llama[\w-]*|mistral[\w-]*|codellama[\w-]*|bert\w*)\b/, /\b(?:two|three|four|several|a few|2|3|4) (?:ml|machine learning) (?:engineers|scientists)\b/),
  ...cue('mlCapacity', 'strong', 2, /\b(?:engineers?|people|team|we|they|folks) (?:\w+ ){0,2}(?:have|has) (?:already )?(?:fine.tuned|trained (?:\w+ )?models|done (?:\w+ )?(?:lora|fine.tun\w+))\b/),

  // dataRestriction
  ...cue('dataRestriction', 'no-search-index', 3, /\b(?:won't|will not|not|never|can't|cannot|forbid\w*|prohibit\w*|refuses?)\b.{0,60}?\b(?:search index|vector (?:store|db|database)|embeddings? store|searchable (?:\w+ )?(?:store|database|index|archive|system|repository))\b/, /\b(?:nervous|worried|uneasy|concerned) about (?:putting|storing|keeping) (?:\w+ ){0,3}(?:in|into) (?:a )?(?:vector|search)/, new RegExp(String.raw`\b${NEG} (?:be )?(?:put|stored?|kept|indexed|keep|store) (?:\w+ ){0,3}(?:in|into) (?:a )?(?:vector|search|retriev)`),
    /\bno vector (?:db|database|store)\b/, /\bmust not be indexed\b/, /\bcan't be indexed\b/, /\bnot allowed to (?:index|store)\b/),

  // personalization
  ...cue('personalization', 'yes', 3, new RegExp(String.raw`\b${PERSON}'s own\b(?! (?:language|words|pace|tongue|voice|style))`), THEIR_OWN_DATA, /\b(?:tastes|preferences) (?:differ|vary)\b/, /\b(?:listening|viewing|watch|purchase|browsing|reading|order|play) history\b/, /\b(?:each|every) (?:customer|tenant|client|user) (?:uploads|has|brings|gets) their own\b/, /\b(?:each|every) (?:user|client|customer|member|patient)(?:'s)? (?:has their )?(?:own )?(?:\w+ ){0,2}(?:data|profile|history|logs?|records?|accounts?|goals)\b/, new RegExp(String.raw`\b${PERSON}'s (?:\w+ ){0,2}${PERSONAL_DATA}\b`), new RegExp(String.raw`\b(?:about|on|with|check|where|read) their (?:own )?(?:\w+ ){0,1}${PERSONAL_DATA}\b`), /\b(?:every|each) (?:\w+ ){0,1}(?:student|user|customer|member|patient|player|learner|shopper|reader|viewer) gets (?:different|their own|personal\w*|tailored)\b/,
    /\btheir (?:own )?(?:accounts?|personal history|history|records?|profile)\b/, /\bpersonal(?:ized|ised|isation|ization)? (?:history|answers|advice|recommendations)\b/, /\bper.user\b/),
  ...cue('personalization', 'no', 2, /\bsame (?:answers?|content) for (?:every(?:one|body)|all users)\b/, /\bnot personali[sz]ed\b/),
];

/** Misspellings seen in real messages, fixed before the cues run. */
export const TYPO_FIXES: Record<string, string> = {
  definately: 'definitely',
  definatly: 'definitely',
  recieve: 'receive',
  wich: 'which',
  teh: 'the',
  finetune: 'fine-tune',
  finetuning: 'fine-tuning',
  labelled: 'labeled',
  lable: 'label',
  lables: 'labels',
  summarise: 'summarize',
  questoins: 'questions',
  anwser: 'answer',
  anwsers: 'answers',
  chatbto: 'chatbot',
  recomend: 'recommend',
  retreival: 'retrieval',
  retrival: 'retrieval',
  databse: 'database',
  guidence: 'guidance',
  hasnt: "hasn't",
  havent: "haven't",
  dont: "don't",
  doesnt: "doesn't",
  isnt: "isn't",
  arent: "aren't",
  cant: "can't",
  didnt: "didn't",
  msgs: 'messages',
  descs: 'descriptions',
};
