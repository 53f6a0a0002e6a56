import type { SourceId } from "./sources.ts";

/**
 * The full citation of every source Limber cites (domain.md §8), and what Limber takes from it.
 *
 * Citations follow Vancouver (journal) style and list every author: "Authors. Title. Journal
 * Year;Volume(Issue):Pages. doi:…", or a stable https address for guidelines and web pages.
 * A detail that could not be checked against an indexing or publisher page is named in a
 * "Not verified" comment above its entry rather than guessed.
 */
export const SOURCES: Record<SourceId, string> = {
  ESSAY:
    "The essay Limber grew from: a personal account of gentle, consistent hamstring mobility for low back tension.",
  ACP17:
    "Qaseem A, Wilt TJ, McLean RM, Forciea MA; Clinical Guidelines Committee of the American College of Physicians. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med 2017;166(7):514-530. doi:10.7326/M16-2367",
  NICE59:
    "National Institute for Health and Care Excellence (NICE). Low back pain and sciatica in over 16s: assessment and management. NICE guideline NG59. London: NICE; 2016 (published 30 November 2016, last updated 11 December 2020). https://www.nice.org.uk/guidance/ng59",
  CHOU07:
    "Chou R, Qaseem A, Snow V, Casey D, Cross JT Jr, Shekelle P, Owens DK; Clinical Efficacy Assessment Subcommittee of the American College of Physicians; American College of Physicians/American Pain Society Low Back Pain Guidelines Panel. Diagnosis and treatment of low back pain: a joint clinical practice guideline from the American College of Physicians and the American Pain Society. Ann Intern Med 2007;147(7):478-491. doi:10.7326/0003-4819-147-7-200710020-00006",
  FINUCANE20:
    "Finucane LM, Downie A, Mercer C, Greenhalgh SM, Boissonnault WG, Pool-Goudzwaard AL, Beneciuk JM, Leech RL, Selfe J. International framework for red flags for potential serious spinal pathologies. J Orthop Sports Phys Ther 2020;50(7):350-372. doi:10.2519/jospt.2020.9971",
  // Not verified: the topic's number and last-update date on BMJ Best Practice (a living,
  // subscription reference without a fixed year); the address is the publisher's own search
  // for the topic.
  BMJCES:
    "BMJ Best Practice. Cauda equina syndrome. London: BMJ Publishing Group; updated continuously. https://bestpractice.bmj.com/search?q=cauda%20equina%20syndrome",
  // Not verified: a DOI or a stable address for this 1994 paper (authors, title, journal,
  // volume, issue and pages are verified against citation indexes).
  BANDY94:
    "Bandy WD, Irion JM. The effect of time on static stretch on the flexibility of the hamstring muscles. Phys Ther 1994;74(9):845-850.",
  BANDY97:
    "Bandy WD, Irion JM, Briggler M. The effect of time and frequency of static stretching on flexibility of the hamstring muscles. Phys Ther 1997;77(10):1090-1096. doi:10.1093/ptj/77.10.1090",
  GRIBBLE99:
    "Gribble PA, Guskiewicz KM, Prentice WE, Shields EW. Effects of static and hold-relax stretching on hamstring range of motion using the FlexAbility LE1000. J Sport Rehabil 1999;8(3):195-208. doi:10.1123/jsr.8.3.195",
  INGRAM24:
    "Ingram LA, Tomkinson GR, d'Unienville NMA, Gower B, Gleadhill S, Boyle T, Bennett H. Optimising the dose of static stretching to improve flexibility: a systematic review, meta-analysis and multivariate meta-regression. Sports Med 2025;55(3):597-617 (online 2024). doi:10.1007/s40279-024-02143-9",
  ACSM: "American College of Sports Medicine; Liguori G, senior editor. ACSM's Guidelines for Exercise Testing and Prescription. 11th ed. Wolters Kluwer; 2021. And: Garber CE, Blissmer B, Deschenes MR, Franklin BA, Lamonte MJ, Lee IM, Nieman DC, Swain DP. American College of Sports Medicine position stand. Quantity and quality of exercise for developing and maintaining cardiorespiratory, musculoskeletal, and neuromotor fitness in apparently healthy adults: guidance for prescribing exercise. Med Sci Sports Exerc 2011;43(7):1334-1359. doi:10.1249/MSS.0b013e318213fefb",
  GOU24:
    "Gou Y, Lei H, Chen X, Wang X. The effects of hamstring stretching exercises on pain intensity and function in low back pain patients: a systematic review with meta-analysis of randomized controlled trials. SAGE Open Med 2024;12:20503121241252251. doi:10.1177/20503121241252251",
  // Not verified: the volume number (the article number and DOI are verified).
  ALLAM23:
    "Allam NM, Ebrahim HA, Megahed Ibrahim A, Elneblawi NH, El-Sherbiny M, Fouda KZ. The association of hamstring tightness with lumbar lordosis and trunk flexibility in healthy individuals: gender analysis. Front Bioeng Biotechnol 2023; article 1225973. doi:10.3389/fbioe.2023.1225973",
  COPPIETERS08:
    "Coppieters MW, Butler DS. Do 'sliders' slide and 'tensioners' tension? An analysis of neurodynamic techniques and considerations regarding their application. Man Ther 2008;13(3):213-221. doi:10.1016/j.math.2006.12.008",
  PAG18:
    "Piercy KL, Troiano RP, Ballard RM, Carlson SA, Fulton JE, Galuska DA, George SM, Olson RD. The Physical Activity Guidelines for Americans. JAMA 2018;320(19):2020-2028. doi:10.1001/jama.2018.14854",
  // Not verified: the page's review date (2024 is the year given in the design's list of
  // sources); the address and title are verified.
  MEDLINEPLUS:
    "MedlinePlus Medical Encyclopedia. Low back pain - acute. Bethesda (MD): U.S. National Library of Medicine; 2024. https://medlineplus.gov/ency/article/007425.htm",
  // Not verified: the DOI (kept from the design's list of sources); authors, title, journal,
  // volume, issue and pages are verified.
  OSTELO08:
    "Ostelo RWJG, Deyo RA, Stratford P, Waddell G, Croft P, Von Korff M, Bouter LM, de Vet HC. Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change. Spine 2008;33(1):90-94. doi:10.1097/BRS.0b013e31815e3a10",
  ABBOTT14:
    "Abbott JH, Schmitt JS. Minimum important differences for the Patient-Specific Functional Scale, 4 region-specific outcome measures, and the Numeric Pain Rating Scale. J Orthop Sports Phys Ther 2014;44(8):560-564. doi:10.2519/jospt.2014.5248",
  NETO15:
    "Neto T, Jacobsohn L, Carita AI, Oliveira R. Reliability of the active-knee-extension and straight-leg-raise tests in subjects with flexibility deficits. J Sport Rehabil 2015;24(4). doi:10.1123/jsr.2014-0220",
  LIM23:
    "Lim W. Knee extension test for assessing hamstring flexibility. Journal of Korean Academy of Physical Therapy Science 2023;30(1):31-40. doi:10.26862/jkpts.2023.03.30.1.31",
  MAYORGA14:
    "Mayorga-Vega D, Merino-Marban R, Viciana J. Criterion-related validity of sit-and-reach tests for estimating hamstring and lumbar extensibility: a meta-analysis. J Sports Sci Med 2014;13:1-14. https://www.jssm.org/jssm-13-1.xml-Fulltext",
  // Not verified: the DOI follows the journal's pattern for 2001 articles; the abstract (6 weeks
  // of stretching, 4 weeks' cessation: no range retained) was checked on an indexing page.
  WILLY01:
    "Willy RW, Kyle BA, Moore SA, Chleboun GS. Effect of cessation and resumption of static hamstring muscle stretching on joint range of motion. J Orthop Sports Phys Ther 2001;31(3):138-144. doi:10.2519/jospt.2001.31.3.138",
  NUMBERS:
    "National emergency numbers (911, 112, 999, 000, 111, 119, 120) as published by each country's authorities.",
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
  WILLY01:
    "Range gained by weeks of stretching had gone four weeks after stopping, so a return after a break starts lower.",
  NUMBERS: "The emergency number to show for each region.",
};
