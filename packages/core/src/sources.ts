/**
 * The evidence behind Limber's rules (domain.md §8). Every rule and every catalog entry cites
 * sources by these ids, so a person or a clinician can always see where a decision comes from.
 */
export const SOURCES = {
  ESSAY:
    "The essay Limber grew from: a personal account of gentle, consistent hamstring mobility for low back tension.",
  ACP17:
    "Qaseem A. et al. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med 2017;166(7):514-530. doi:10.7326/M16-2367",
  NICE59:
    "NICE guideline NG59. Low back pain and sciatica in over 16s: assessment and management (2016, updated 2020).",
  CHOU07:
    "Chou R. et al. Diagnosis and treatment of low back pain: a joint clinical practice guideline from the American College of Physicians and the American Pain Society. Ann Intern Med 2007;147(7):478-491.",
  FINUCANE20:
    "Finucane L.M. et al. International framework for red flags for potential serious spinal pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372. doi:10.2519/jospt.2020.9971",
  BMJCES: "BMJ Best Practice. Cauda equina syndrome: emergency referral criteria.",
  BANDY94:
    "Bandy W.D., Irion J.M. The effect of time on static stretch on the flexibility of the hamstring muscles. Phys Ther 1994;74(9):845-850.",
  BANDY97:
    "Bandy W.D., Irion J.M., Briggler M. The effect of time and frequency of static stretching on flexibility of the hamstring muscles. Phys Ther 1997;77(10):1090-1096. doi:10.1093/ptj/77.10.1090",
  GRIBBLE99:
    "Gribble P.A. et al. Time-of-stretch effects on hamstring flexibility. J Sport Rehabil 1999.",
  INGRAM24:
    "Ingram et al. Stretching and range of motion: a systematic review and meta-analysis. Sports Med 2024. doi:10.1007/s40279-024-02143-9",
  ACSM: "ACSM's Guidelines for Exercise Testing and Prescription, 11th ed.; Garber C.E. et al., ACSM position stand, Med Sci Sports Exerc 2011.",
  GOU24:
    "Gou Y. et al. The effects of hamstring stretching exercises on pain intensity and function in low back pain patients: a systematic review with meta-analysis of randomized controlled trials. SAGE Open Med 2024;12. doi:10.1177/20503121241252251",
  ALLAM23:
    "Allam N.M. et al. Hamstring tightness and lumbar lordosis in healthy adults. Front Bioeng Biotechnol 2023. doi:10.3389/fbioe.2023.1225973",
  COPPIETERS08:
    "Coppieters M.W., Butler D.S. Do 'sliders' slide and 'tensioners' tension? Man Ther 2008;13:213-221.",
  PAG18:
    "Piercy K.L. et al. The Physical Activity Guidelines for Americans, 2nd ed. JAMA 2018;320(19):2020-2028. doi:10.1001/jama.2018.14854",
  MEDLINEPLUS: "MedlinePlus. Low back pain, acute: home care and when to call (2024).",
  OSTELO08:
    "Ostelo R.W. et al. Interpreting change scores for pain and functional status in low back pain. Spine 2008;33(1):90-94. doi:10.1097/BRS.0b013e31815e3a10",
  ABBOTT14:
    "Abbott J.H., Schmitt J.S. Minimum important differences for the Patient-Specific Functional Scale. J Orthop Sports Phys Ther 2014;44(8):560-564. doi:10.2519/jospt.2014.5248",
  NETO15:
    "Neto T. et al. Reliability of the active-knee-extension and straight-leg-raise tests in subjects with flexibility deficits. J Sport Rehabil 2015.",
  LIM23: "Lim W. A review of hamstring flexibility tests and their cut-offs (2023).",
  MAYORGA14:
    "Mayorga-Vega D. et al. Criterion-related validity of sit-and-reach tests for estimating hamstring flexibility: a meta-analysis. J Sports Sci Med 2014.",
  NUMBERS:
    "National emergency numbers (911, 112, 999, 000, 111, 119, 120) as published by each country's authorities.",
} as const;

export type SourceId = keyof typeof SOURCES;

export const SOURCE_IDS = Object.keys(SOURCES) as SourceId[];

export function isSourceId(id: string): id is SourceId {
  return Object.hasOwn(SOURCES, id);
}

/** How each source is named in a sentence: author and year, or the body that publishes it. */
export const SOURCE_LABELS: Record<SourceId, string> = {
  ESSAY: "the essay Limber grew from",
  ACP17: "ACP guideline 2017",
  NICE59: "NICE NG59",
  CHOU07: "Chou 2007",
  FINUCANE20: "Finucane 2020",
  BMJCES: "BMJ Best Practice",
  BANDY94: "Bandy 1994",
  BANDY97: "Bandy 1997",
  GRIBBLE99: "Gribble 1999",
  INGRAM24: "Ingram 2024",
  ACSM: "ACSM guidelines",
  GOU24: "Gou 2024",
  ALLAM23: "Allam 2023",
  COPPIETERS08: "Coppieters 2008",
  PAG18: "Physical Activity Guidelines 2018",
  MEDLINEPLUS: "MedlinePlus",
  OSTELO08: "Ostelo 2008",
  ABBOTT14: "Abbott 2014",
  NETO15: "Neto 2015",
  LIM23: "Lim 2023",
  MAYORGA14: "Mayorga-Vega 2014",
  NUMBERS: "national emergency numbers",
};

/** What Limber takes from each source, in one line, shown beside its citation. */
export const SOURCE_USES: Record<SourceId, string> = {
  ESSAY: "The routine, its cues and its spirit: gentle, consistent, progressive mobility.",
  ACP17:
    "Staying active and non-drug care first for common low back pain; pairing mobility with strength.",
  NICE59: "The signs that call for urgent care or a clinician before exercise.",
  CHOU07: "When back pain needs a clinician's assessment, and who to see.",
  FINUCANE20: "The red flags for serious spinal problems behind the warning-sign questions.",
  BMJCES: "The symptoms of cauda equina syndrome that call for emergency care at once.",
  BANDY94: "A 30-second hold gains as much range as a 60-second one, and more than 15 seconds.",
  BANDY97: "Holding longer or stretching more often in a day adds no range.",
  GRIBBLE99: "Range improves over weeks of regular practice, not in one session.",
  INGRAM24:
    "Range gains level off at about four minutes of stretching per muscle group per session.",
  ACSM: "Brief, frequent flexibility work as part of regular exercise.",
  GOU24: "Hamstring stretching eased low back pain moderately, with wide variation between trials.",
  ALLAM23:
    "Hamstring tightness was not linked to the curve of the lower back: tightness is one factor among many.",
  COPPIETERS08:
    "Nerve sliders move a nerve with less tension than tensioning; the slider variant follows it.",
  PAG18: "Any bout of movement counts; about 150 minutes of walking and two strength days a week.",
  MEDLINEPLUS: "Plain home-care advice for acute low back pain and when to call a clinician.",
  OSTELO08: "A change of 2 points or 30% on the 0–10 pain scale is meaningful.",
  ABBOTT14: "A rise of about 2 points on the Patient-Specific Functional Scale is meaningful.",
  NETO15: "The knee-extension test's reliability: only a change of about 8 degrees is real.",
  LIM23: "Hamstring flexibility tests and where a deficit counts as limited.",
  MAYORGA14:
    "Sit-and-reach estimates hamstring flexibility only moderately well, so it stays optional.",
  NUMBERS: "The emergency number to show for each region.",
};
