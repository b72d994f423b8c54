import type { CommonPack } from './messages.js';

/**
 * The messages every widget uses in Scottish Gaelic (`gd`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
  problem: 'Tha duilgheadas ann',
  errorPrefix: 'Mearachd:',
  // "It" is the answer, freagairt, which is feminine: 'ga cur, i, a sàbhaladh, leatha.
  sending: "'Ga cur…",
  queued:
    "Cha b' urrainn dhuinn do fhreagairt a chur an-dràsta. Tha i air a sàbhaladh air an uidheam seo agus thèid a cur leatha fhèin, fiù 's ma dhùineas tu an duilleag seo.",
  // NEEDS NATIVE REVIEW (freagairt is feminine: "a sàbhaladh", "air a cur")
  queuedUnsaved:
    "Cha b' urrainn dhuinn do fhreagairt a chur an-dràsta, agus cha b' urrainn dhuinn a sàbhaladh air an uidheam seo. Cumaidh sinn oirnn a' feuchainn fhad 's a bhios an duilleag seo fosgailte, mar sin cùm fosgailte i gus am bi do fhreagairt air a cur.",
  submitted: 'Tapadh leat. Fhuair sinn do fhreagairt.',
  refused: "Cha b' urrainn dhuinn gabhail ri do fhreagairt: {reason}",
  notSetUp:
    'Chan urrainn dha seo freagairtean a chur fhathast oir chan eil e air a shuidheachadh gu tur. Innis do sgioba na làraich-lìn.',
  closed: 'Dhùin seo air {date}.',
  closes: 'Fosgailte gu {date}.',
  // NEEDS NATIVE REVIEW
  closedNow: "Tha a' cheist seo air dùnadh, agus chan eil sinn a' gabhail ri barrachd fhreagairtean.",
  outcomeHeading: 'Na rinn sinn leis na freagairtean',
  outcomePublished: 'Air fhoillseachadh {date}.',
  // Month names in the genitive, as after a day: "31mh dhen Fhaoilleach", CLDR's long date.
  // CLDR writes "mh" after every day, 1 to 3 too (not "1d", "2na", "3s"): followed so that every browser agrees.
  months:
    'dhen Fhaoilleach,dhen Ghearran,dhen Mhàrt,dhen Ghiblean,dhen Chèitean,dhen Ògmhios,dhen Iuchar,dhen Lùnastal,dhen t-Sultain,dhen Dàmhair,dhen t-Samhain,dhen Dùbhlachd',
  dateTime: '{day}mh {month} {year} aig {time}',
  and: '{start} agus {last}',
  resultsLoading: "A' luchdadh nan toraidhean…",
  resultsFailed: "Cha b' urrainn dhuinn na toraidhean a luchdadh.",
  resultsPending: 'Thèid na toraidhean a shealltainn nuair a bhios do fhreagairt air a cur.',
  retry: 'Feuch a-rithist',
} satisfies CommonPack;
