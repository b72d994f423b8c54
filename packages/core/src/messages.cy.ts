import type { CommonPack } from './messages.js';

/**
 * The messages every widget uses in Welsh (`cy`): a language pack, loaded when a widget first shows the language.
 */
// NEEDS NATIVE REVIEW
export default {
  // GOV.UK Forms' error summary title (alphagov/forms-runner config/locales/cy.yml).
  problem: 'Mae problem',
  errorPrefix: 'Gwall:',
  sending: 'Yn anfon…',
  queued:
    "Nid oedd modd anfon eich ateb ar hyn o bryd. Mae wedi'i gadw ar y ddyfais hon a bydd yn cael ei anfon yn awtomatig, hyd yn oed os byddwch yn cau'r dudalen hon.",
  // NEEDS NATIVE REVIEW
  queuedUnsaved:
    "Nid oedd modd anfon eich ateb ar hyn o bryd, ac nid oedd modd ei gadw ar y ddyfais hon. Byddwn yn dal i geisio tra bo'r dudalen hon ar agor, felly cadwch hi ar agor nes bod eich ateb wedi'i anfon.",
  submitted: 'Diolch. Rydym wedi cael eich ateb.',
  refused: 'Nid oedd modd derbyn eich ateb: {reason}',
  notSetUp: "Ni all hwn anfon atebion eto oherwydd nad yw wedi'i osod yn llawn. Rhowch wybod i dîm y wefan.",
  closed: 'Daeth hwn i ben ar {date}.',
  closes: 'Ar agor tan {date}.',
  // NEEDS NATIVE REVIEW
  closedNow: "Mae'r cwestiwn hwn wedi cau, felly nid ydym yn derbyn rhagor o atebion.",
  outcomeHeading: "Beth wnaethom ni gyda'ch atebion",
  outcomePublished: 'Cyhoeddwyd ar {date}.',
  months: 'Ionawr,Chwefror,Mawrth,Ebrill,Mai,Mehefin,Gorffennaf,Awst,Medi,Hydref,Tachwedd,Rhagfyr',
  dateTime: '{day} {month} {year} am {time}',
  // Lists, where the browser has no Welsh list data (see Translator.list): "ac" before a vowel.
  and: '{start} a {last}',
  andBeforeVowel: '{start} ac {last}',
  resultsLoading: "Yn llwytho'r canlyniadau…",
  resultsFailed: "Nid oedd modd llwytho'r canlyniadau.",
  resultsPending: "Bydd y canlyniadau'n cael eu dangos ar ôl i'ch ateb gael ei anfon.",
  retry: 'Rhoi cynnig arall arni',
} satisfies CommonPack;
