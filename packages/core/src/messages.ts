/**
 * Messages every widget uses, in each shipped language.
 *
 * The Welsh (`cy`) and Scottish Gaelic (`gd`) texts were written by the developers from published
 * public-sector usage and NEED REVIEW BY A NATIVE SPEAKER before a council relies on them; every
 * string can be overridden through the `messages` property meanwhile. Welsh follows GOV.UK Forms' wording
 * where it has one (alphagov/forms-runner config/locales/cy.yml).
 *
 * Gaelic counts can only be as right as CLDR's four plural categories allow: 21–99 get the form of 20
 * (the singular, "23 bhòt"), where counting aloud follows the last word ("fichead 's a trì" like 3). Each
 * plural message is checked for n = 0…100 in test/browser/plurals.test.ts.
 */
export const common = {
  en: {
    problem: 'There is a problem',
    errorPrefix: 'Error:',
    sending: 'Sending…',
    queued:
      'We could not send your answer just now. It is saved on this device and will be sent automatically, even if you close this page.',
    queuedUnsaved:
      'We could not send your answer just now, and it could not be saved on this device. We will keep trying while this page is open, so please keep it open until your answer has been sent.',
    submitted: 'Thank you. We have received your answer.',
    refused: 'Your answer could not be accepted: {reason}',
    notSetUp: 'This cannot send answers yet because it is not fully set up. Please tell the website team.',
    closed: 'This closed on {date}.',
    closes: 'Open until {date}.',
    closedNow: 'This question has closed, so no more answers are being taken.',
    outcomeHeading: 'What we did with your answers',
    outcomePublished: 'Published on {date}.',
    resultsLoading: 'Loading results…',
    resultsFailed: 'The results could not be loaded.',
    resultsPending: 'Results will be shown once your answer has been sent.',
    retry: 'Try again',
  },
  // NEEDS NATIVE REVIEW
  cy: {
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
  },
  // NEEDS NATIVE REVIEW
  gd: {
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
  },
};

export type CommonMessages = typeof common.en;
