/** Signer roles, roles that never sign (referring, ordering, cc, technologist), credentials. */
import type { Entry } from '../concepts';

const UMLAUTS: ReadonlyArray<readonly [string, string]> = [
  ['ä', 'ae'],
  ['ö', 'oe'],
  ['ü', 'ue'],
  ['ß', 'ss'],
];

/**
 * Each phrase, and its spelling with the umlauts written out as a keyboard without them types them
 * ("Ärztin" / "Aerztin", "für" / "fuer", "Überweisung" / "Ueberweisung"): one spelling class of
 * German (and Swiss German, which writes no ß) text, as data.
 */
export function withAsciiUmlauts(phrases: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of phrases) {
    out.push(p);
    let q = p;
    for (const [u, a] of UMLAUTS) q = q.split(u).join(a);
    if (q !== p) out.push(q);
  }
  return out;
}

/** Verbs of a signing line: "Reviewed by", "Dictated and signed by", "Calc./reviewed:". */
const SIGNING_VERBS = [
  'reviewed',
  'read',
  'calculated',
  'calc',
  'interpreted',
  'verified',
  'approved',
  'dictated',
  'reported',
  'performed',
  'authenticated',
  'authorised',
  'authorized',
  'finalised',
  'finalized',
  'signed',
  'electronically signed',
  'seen',
  'examined',
  'evaluated',
  'amended',
  'report amended',
  'addendum',
  'addendum signed',
  // "Cosigned by", "Co-signed by": the attending's countersignature of a trainee's note.
  'cosigned',
  'co signed',
  'countersigned',
];

/** "VERB by", "VERB and VERB by", "VERB & VERB by", "VERB/VERB". */
/** Verbs that follow another in a signing label: "Dictated and signed by", "Calc./reviewed". */
const SECOND_VERBS = [
  'reviewed',
  'interpreted',
  'signed',
  'electronically signed',
  'calculated',
  'verified',
  'approved',
  'reported',
  'examined',
  'evaluated',
];

const VERB_LABELS = SIGNING_VERBS.flatMap((a) => [
  `${a} by`,
  ...SECOND_VERBS.filter((b) => b !== a).flatMap((b) => [`${a} and ${b} by`, `${a} & ${b} by`, `${a}/${b}`]),
]);

/** "Interpreting physician", "Reporting specialist", "Staff radiologist", ... */
const ROLE_PREFIXES = [
  'interpreting',
  'reading',
  'reporting',
  'attending',
  'reviewing',
  'performing',
  'signing',
  'supervising',
  'teaching',
  'staff',
  'consultant',
  'primary interpreting',
];
const ROLE_NOUNS = [
  'physician',
  'radiologist',
  'provider',
  'endocrinologist',
  'rheumatologist',
  'clinician',
  'doctor',
  'specialist',
  'md',
  'staff',
];

const SIGNERS = [
  ...VERB_LABELS,
  ...ROLE_PREFIXES.flatMap((p) => ROLE_NOUNS.map((n) => `${p} ${n}`)),
  'signed',
  'specialist',
  'bone health specialist',
  'rheumatologist',
  'electronically signed by',
  'electronically signed',
  'electronically signed and verified by',
  'signed electronically by',
  'esigned by',
  'e signed by',
  'digitally signed by',
  'signed by',
  'signed off by',
  'signature',
  'signature on file',
  'printed name',
  'reviewed by',
  'read by',
  'calculated by',
  'interpreted by',
  'verified by',
  'verifier',
  'verifier e signature',
  'verifier signature',
  'e signature',
  'approved by',
  'dictated by',
  'reported by',
  'performed by',
  'authenticated by',
  'finalized by',
  'finalised by',
  'amended by',
  'addendum by',
  'interpreting physician',
  'interpreting radiologist',
  'interpreting provider',
  'reading physician',
  'reading radiologist',
  'reporting radiologist',
  'reporting physician',
  'attending physician',
  'attending radiologist',
  'attending',
  // "Staff: A B, MD" (a US teaching hospital's staff radiologist; a colon is needed).
  'staff',
  'primary interpreting staff',
  'interpreting staff',
  'staff radiologist',
  'consultant radiologist',
  'consultant',
  'radiologist',
  'endocrinologist',
  'physician',
  'provider',
  'physician signature',
  'radiologist signature',
  'provider signature',
  // Role words of reports in other languages ("dr. A B, radioloog").
  'radioloog',
  'radiologe',
  'radiologo',
  'radiólogo',
  'radiologue',
  'radióloga',
  'radiologa',
  'radiologista',
  'médica radiologista',
  'médico radiologista',
  'médico radiólogo',
  'médica radióloga',
  // Sign-off labels over the signer's name ("Il medico refertante" / "Dr. A B").
  'medico refertante',
  'medica refertante',
  'medico radiologo refertante',
  'médico informante',
  'médica informante',
  'médecin radiologue',
  'reumatólogo',
  'reumatóloga',
  'reumatologo',
  'reumatologa',
  'reumatologista',
  'rhumatologue',
  'rheumatologe',
  'rheumatologin',
  'endocrinólogo',
  'endocrinóloga',
  'endocrinologo',
  'endocrinologa',
  'endocrinologue',
  'endokrinologe',
  'endokrinologin',
  'médecin nucléiste',
  'nuclear medicine physician',
  'specialist in endocrinology',
  'specialist in rheumatology',
  'specialist in radiology',
  'senior physician',
  // Literal translations of Chinese report roles (报告医师 / 审核医师): "Report physician", "Audit
  // physician", "Chief physician".
  'report physician',
  'report doctor',
  'report radiologist',
  'audit physician',
  'auditing physician',
  'chief physician',
  // German signer roles ("Befundender Arzt:", "Befundende Ärztin", "Oberarzt").
  'befundender arzt',
  // After an article the adjective is weak: "Der befundende Arzt" over the signer's name.
  'befundende arzt',
  'befundende oberarzt',
  'befundende ärztin',
  'befundender oberarzt',
  'befundende oberärztin',
  'befundet von',
  'befundet durch',
  'oberarzt',
  'oberärztin',
  'chefarzt',
  'chefärztin',
  // Nordic and Finnish signer roles ("Radiolog: ...", "Röntgenläkare", "Overlege", "Erikoislääkäri").
  'radiolog',
  'röntgenläkare',
  'överläkare',
  'overlege',
  'overlæge',
  'spesialist i radiologi',
  'specialist i radiologi',
  'speciallæge i radiologi',
  'erikoislääkäri',
  'radiologian erikoislääkäri',
  'erikoislaakari',
  'radiologian erikoislaakari',
];

const EXCLUDED = [
  'referring physician',
  'referring provider',
  'referring doctor',
  'referring clinician',
  'referred by',
  'referring',
  'ordering physician',
  'ordering provider',
  'ordering clinician',
  'ordered by',
  'requested by',
  'requesting physician',
  'cc',
  'copy to',
  'copies to',
  'technologist',
  'tech',
  'performed by technologist',
  'bone density technologist',
  'dxa technologist',
  'radiographer',
  'scheduling',
  'transcriptionist',
  'transcribed by',
  'transcribed',
  'transcription',
  'typed by',
  'primary care physician',
  'pcp',
];

/** Credentials after a name: "Jane Roe, MD", "A B, FRANZCR". */
const CREDENTIALS = [
  'md',
  'm d',
  'do',
  'd o',
  'mbbs',
  'mb bs',
  'mbchb',
  'mb chb',
  'phd',
  'ph d',
  'frcpc',
  'frcp',
  'frcr',
  'fracp',
  'franzcr',
  'mrcp',
  'facr',
  'facp',
  'face',
  'ccd',
  'dnp',
  'np',
  'pa c',
  'mbbch',
  'bmbs',
  'dm',
  // Indian, South African and Irish qualifications.
  'dnb',
  'dmrd',
  'fcrad',
  'mb bch',
  'mb bch bao',
  'ffr rcsi',
  // Professional titles after a name in European reports.
  'facharzt',
  'fachärztin',
  'fmh',
  'especialista',
  'specialista',
  'specjalista',
  'medico',
  'médecin',
  // Medical registration marks printed under or after a signer's name (a licence number follows):
  // Brazil "CRM-SP 145882", Belgium "INAMI" / "RIZIV", UK "GMC No.", Mexico "cédula profesional".
  'crm',
  'inami',
  'riziv',
  'gmc',
  'cédula profesional',
  'cedula profesional',
  // Nordic and Finnish: "lege" / "läkare" / "læge" (physician), Finnish degrees "LL" (licentiate of
  // medicine) and "LT" (doctor of medicine).
  'lege',
  'läkare',
  'leg läkare',
  'læge',
  'll',
  'lt',
];

/**
 * Titles before a signer's name: "Dr", "Dra." (Spanish, Portuguese), "Dre" (French, feminine),
 * "Drs" (Dutch), "Prof", "Pr", "Dott." / "Dott.ssa" (Italian; "ssa" is the feminine ending written
 * after the point), "Doctor". A title and a name are a signature above a role or credential line.
 */
export const NAME_TITLES: readonly string[] = [
  'dr',
  'dra',
  'dre',
  'drs',
  'prof',
  'pr',
  'dott',
  'doctor',
  'ssa',
  // Titles of other countries, alone or in a chain ("lek. med." Polish, "MUDr." Czech and Slovak,
  // "Uzm. Dr." and "Op. Dr." and "Doç. Dr." Turkish, "Assoc. Prof.", "Univ.-Prof.", "PD Dr.", "Priv.-Doz.").
  'lek',
  'mudr',
  'uzm',
  'op',
  'doç',
  'doc',
  'assoc',
  'univ',
  'priv',
  'doz',
  'pd',
  // Academic degrees and ranks in a title chain ("doc. dr. sc." Croatian, "mr. sc.", "dr hab."
  // Polish, "Ass.-Prof.", "Mag." and "Dipl.-Ing." Austrian, "Dr. phil."): parts of the signer.
  'sc',
  'hab',
  'ass',
  'mag',
  'dipl',
  'phil',
  // "prim. dr." (primarius), "izv. prof." (associate professor), "asist.", "Dr. rer. nat.".
  'prim',
  'izv',
  'asist',
  'rer',
  'nat',
];

/**
 * Words of a job-title line in a signature block ("Lecturer of Radiodiagnosis, MD", "Médica
 * especialista en Diagnóstico por Imágenes", "Nükleer Tıp Uzmanı (Nuclear Medicine Specialist)",
 * "Consultant Radiologist"): such a line beside a titled name marks the name as the signer, and is
 * never the name itself. Compared as whole words, lower case.
 */
export const ROLE_LINE_WORDS: ReadonlySet<string> = new Set(
  withAsciiUmlauts([
    'specialist',
    'consultant',
    'lecturer',
    'professor',
    'registrar',
    'resident',
    'fellow',
    'radiologist',
    'physician',
    'endocrinologist',
    'rheumatologist',
    'attending',
    'specjalista',
    'especialista',
    'spécialiste',
    'specialista',
    'uzmanı',
    'uzman',
    'médica',
    'médico',
    'medica',
    'medico',
    'medic',
    'médecin',
    'radiologue',
    'radiólogo',
    'radióloga',
    'radiologo',
    'radiologa',
    'radiologe',
    'radiologin',
    'radioloog',
    'facharzt',
    'fachärztin',
    'oberarzt',
    'oberärztin',
    'chefarzt',
    'chefärztin',
    'lekarz',
    'radiolog',
    'lege',
    'läkare',
    'læge',
    'overlege',
    'överläkare',
    'overlæge',
    'spesialist',
    'speciallæge',
    'erikoislääkäri',
    'erikoislaakari',
  ]),
);

/** Articles before a sign-off label at a line's start ("Il medico refertante", "O Médico Radiologista"). */
export const SIGNOFF_LABEL_ARTICLES: readonly string[] = [
  'il',
  'la',
  'lo',
  'o',
  'a',
  'el',
  'le',
  'der',
  'die',
  'de',
  'het',
];

/** Credentials of technologists: a name with only these is not the provider. */
const TECH_CREDENTIALS = ['rt', 'rt r', 'cdt', 'rdms', 'arrt', 'bd', 'rtr'];

/**
 * Verbs and agent nouns that sign only as a line's label with a colon and a person's name after it
 * ("Dictated: Dr A B", "Results interpreter: Jane Roe, MD"). Not in the trie: in prose they are
 * ordinary words ("the T-score is reported as -2.1").
 */
export const BARE_SIGNERS: ReadonlySet<string> = new Set([
  'interpreter',
  'reporter',
  'reader',
  'signer',
  'author',
  'verifier',
  'dictated',
  'reviewed',
  'interpreted',
  'verified',
  'approved',
  'authorised',
  'authorized',
  'finalised',
  'finalized',
  'amended',
  'calculated',
  'reported',
  'read',
]);

/** Closing courtesies of a letter: the signer's name follows. */
const COURTESIES = [
  'sincerely',
  'yours sincerely',
  'yours faithfully',
  'kind regards',
  'best regards',
  'regards',
  'with kind regards',
  'with best wishes',
  'thank you for your referral',
  'thank you for referring',
  'many thanks',
  'with best wishes',
  'best wishes',
  'warm regards',
  'yours truly',
  'respectfully',
];

/**
 * Trainees' lines of an academic note ("Fellow: A B, MD", "Resident: ..."): the attending or
 * signing physician is the provider; a trainee is read only when no one else signs.
 */
const TRAINEES = [
  'fellow',
  'clinical fellow',
  'fellow physician',
  'resident',
  'resident physician',
  'radiology resident',
  'trainee',
  'intern',
  'house officer',
  'house staff',
];

/**
 * Labels of an attending's or teaching physician's attestation ("Attending attestation: I saw and
 * examined the patient ... - A B, MD"): the credentialed name that closes its paragraph signs.
 */
const ATTESTATIONS = [
  'attestation',
  'attending attestation',
  'attending physician attestation',
  'attending statement',
  'attending note',
  'attending addendum',
  'teaching physician attestation',
  'teaching physician statement',
  'teaching attestation',
  'supervising physician attestation',
  'faculty attestation',
  'staff attestation',
];

export const ROLES: Entry[] = [
  ...TRAINEES.map((phrase): Entry => ({ phrase, concept: { c: 'role', excluded: false, part: 'trainee' } })),
  ...ATTESTATIONS.map((phrase): Entry => ({ phrase, concept: { c: 'role', excluded: false, part: 'attestation' } })),
  ...withAsciiUmlauts(SIGNERS).map((phrase): Entry => ({ phrase, concept: { c: 'role', excluded: false } })),
  ...withAsciiUmlauts(EXCLUDED).map((phrase): Entry => ({ phrase, concept: { c: 'role', excluded: true } })),
  ...withAsciiUmlauts(CREDENTIALS).map((phrase): Entry => ({ phrase, concept: { c: 'credential' } })),
  ...TECH_CREDENTIALS.map((phrase): Entry => ({ phrase, concept: { c: 'techCredential' } })),
  ...COURTESIES.map((phrase): Entry => ({ phrase, concept: { c: 'courtesy' } })),
];
