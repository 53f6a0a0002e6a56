import type { RuleId } from "../rules.ts";
import type { SourceId } from "../sources.ts";

/** One screen of a lesson: a heading and one to three short paragraphs. */
export interface LessonScreen {
  heading: string;
  paragraphs: string[];
}

/**
 * A short lesson in the Learn section. Each lesson explains one or more rules, so any reason a
 * plan shows can link to the lesson behind it, and names the sources it draws on.
 */
export interface Lesson {
  /** Kebab-case, stable: used in links. */
  id: string;
  title: string;
  /** One sentence. */
  summary: string;
  /** One to four screens. */
  screens: LessonScreen[];
  /** The rules this lesson explains. */
  rules: RuleId[];
  sources: SourceId[];
}

/** The lessons, in reading order. Written in Limber's own words, from the seed essay's ideas. */
export const LESSONS: readonly Lesson[] = [
  {
    id: "hamstrings-and-pelvis",
    title: "Why your hamstrings matter to your back",
    summary:
      "When you bend forward, your pelvis and your lower spine split the movement, and your hamstrings help decide how the split falls.",
    screens: [
      {
        heading: "Bending is shared work",
        paragraphs: [
          "Each time you reach for a shoe or a pen on the floor, two parts move together: your pelvis tips forward, and your lower spine rounds.",
          "Your hamstrings run from the base of your pelvis to just below your knees. When they are stiff, the pelvis tips less, and your lower back tends to make up the rest.",
        ],
      },
      {
        heading: "Why that can feel like a lot",
        paragraphs: [
          "Rounding your back is not harmful in itself. But if your spine does most of every bend, all day, your back may feel overworked by evening.",
          "Gentle hamstring work aims to let the pelvis take a fairer share, so your back carries a little less.",
        ],
      },
      {
        heading: "What the evidence says, and what it does not",
        paragraphs: [
          "Tight hamstrings are one factor among many. A 2023 study of healthy adults found no link between hamstring tightness and the curve of the lower back.",
          "A 2024 review of trials found that hamstring stretching eased back pain on average, by a moderate amount that differed a lot from trial to trial. It is a sensible part of a gentle plan, and it is not a cure.",
        ],
      },
    ],
    rules: ["R-HONEST"],
    sources: ["ALLAM23", "GOU24", "ESSAY", "ACP17"],
  },
  {
    id: "train-mobility-like-strength",
    title: "Practise mobility the way you would train strength",
    summary:
      "Range grows the way strength does: through slow, specific practice that steps up a little at a time.",
    screens: [
      {
        heading: "A skill, not a quick fix",
        paragraphs: [
          "Flexibility responds to training. A calm, regular dose tends to work better than an occasional hard pull.",
          "Each session starts with a warm-up, such as hip rolls, a few easy knee bends or a minute of walking. Warm tissue moves more willingly.",
        ],
      },
      {
        heading: "How much is enough",
        paragraphs: [
          "A session takes about 5 to 10 minutes. Short, frequent practice does more than rare long ones.",
          "For a held stretch, 30 seconds gains about as much as a full minute. Holds start at 15 to 20 seconds and never go past 45, and stretching for each leg stays under about 4 minutes a session, where gains level off.",
        ],
      },
      {
        heading: "One small step at a time",
        paragraphs: [
          "An exercise moves up at most once a week, after three comfortable sessions in a row: easy breathing, no nerve-like feelings, and pain no more than a point higher afterwards. Steps up wait for a calm or okay day, and for a week after a pain spike.",
          "A step might be a few seconds more, one more hold or rep, or the next variation. Measurable change usually takes around 4 to 6 weeks.",
        ],
      },
      {
        heading: "Finish with strength, and come back gently",
        paragraphs: [
          "Each session ends with a hinge and some light strength work, like a bridge, as guidelines for back pain favour staying active. When time is short, holds get shorter first, and these two stay.",
          "Range gained by stretching fades within about four weeks of stopping. After two weeks or more away, each exercise starts a little lower and climbs back, and long holds wait three weeks.",
        ],
      },
    ],
    rules: [
      "R-PROGRESS",
      "R-DOSE-HOLD",
      "R-DOSE-TOTAL",
      "R-DOSE-SESSION",
      "R-EXPECT",
      "R-WARMUP",
      "R-BLEND",
      "R-BREAK",
    ],
    sources: ["ESSAY", "ACSM", "BANDY94", "BANDY97", "INGRAM24", "GRIBBLE99", "ACP17", "WILLY01"],
  },
  {
    id: "the-routine",
    title: "The five-step routine, and moves for desk days",
    summary:
      "A short sequence you can do before breakfast or after sitting, plus small moves that fit between meetings.",
    screens: [
      {
        heading: "Settle and loosen",
        paragraphs: [
          "Hip rolls with box breathing: lie on your back with knees bent. As you breathe out, let your pelvis roll gently so your low back eases toward the floor; as you breathe in, return to neutral.",
          "Hamstring floss: on your back, hold one thigh upright and slowly straighten and bend that knee, ankle loose, for about a minute on each side.",
        ],
      },
      {
        heading: "Stretch, hinge, strengthen",
        paragraphs: [
          "Strap stretch: loop a strap around the middle of your foot and settle into two or three easy holds, a stretch you can breathe into, with the knee a little soft.",
          "Hip hinge: kneeling tall or standing, fold at the hips, back long and knees slightly bent, slowly, 8 to 10 times. Then a bridge or a dead bug, at an effort where you could still chat.",
        ],
      },
      {
        heading: "When time is short",
        paragraphs: [
          "With only two or three minutes, a warm-up, one loosening move and one hinge still count. Two short sessions in a day make a full day.",
          "Think of the routine as a menu. Choose what fits today.",
        ],
      },
      {
        heading: "Desk days",
        paragraphs: [
          "Between long stretches of sitting, try resting a foot on a low step and folding forward gently with a long spine, or straightening one knee at a time while seated, ankle relaxed.",
          "Each of these small breaks counts toward your day. Any movement adds up.",
        ],
      },
    ],
    rules: ["R-DESK", "R-TIME", "R-WARMUP"],
    sources: ["ESSAY", "PAG18"],
  },
  {
    id: "cues-that-help",
    title: "Small cues that ease the load",
    summary: "A few simple cues let your hips do more of the work and keep each step comfortable.",
    screens: [
      {
        heading: "Knees and hips",
        paragraphs: [
          "Keep your knees a little soft when you bend. That gives the hamstrings some slack, so your lower back is not left with the whole job.",
          "Let your hips lead. Picture nudging a drawer shut behind you with your backside: the fold starts at the hips, not the waist.",
        ],
      },
      {
        heading: "Breath as your guide",
        paragraphs: [
          "Near the end of a stretch, a slow, easy breath out often lets you settle a touch further without forcing it.",
          "If you cannot breathe smoothly and talk, the step is asking too much. Ease off now; next time that exercise starts one step lower.",
        ],
      },
      {
        heading: "Muscle, not nerve",
        paragraphs: [
          "A stretch should feel like a broad, mild pull. If you notice something sharp, electric, or pins and needles, bend your knee and make the angle smaller.",
          "With leg symptoms, gentle nerve sliders and bent-knee versions are kinder than holding a nerve on tension. The change lasts a week after the last such feeling, then each exercise climbs back a step at a time.",
        ],
      },
      {
        heading: "Props and splitting the dose",
        paragraphs: [
          "A strap, belt or towel lets your shoulders relax, so the stretch goes where you want it.",
          "Two short sessions often sit better than one long one.",
        ],
      },
    ],
    rules: ["R-BREATH", "R-NERVE", "R-TIME"],
    sources: ["ESSAY", "COPPIETERS08"],
  },
  {
    id: "when-to-slow-down",
    title: "When to slow down, and when to get help",
    summary:
      "Most stiffness settles with time and gentle movement, and a few signs call for a clinician or urgent care instead.",
    screens: [
      {
        heading: "Signs that need urgent care",
        paragraphs: [
          "Seek emergency care now for: numbness around the groin, genitals or back passage; new trouble passing urine, not feeling your bladder fill, or leaking; new loss of bowel control; new problems with sexual function; symptoms in both legs; a leg that is weak or getting weaker, a foot that has started to drop, or a change in how you walk; fever with severe back pain; back pain after a major injury; or sudden severe back or belly pain with feeling faint or a pulsing in the belly.",
          "On these days there is no session, and the app shows the emergency number for your region.",
        ],
      },
      {
        heading: "Signs worth a clinician's look first",
        paragraphs: [
          "A check comes first for: cancer in the past with new back pain; weight loss you cannot explain; fever, chills, a weakened immune system, a recent infection or injecting drugs; steroids or osteoporosis with new severe pain; pain at night that no position eases; a first-ever episode at 50 or older; nerve symptoms that keep spreading; new pain in the upper or middle back; pain after a fall or lift at 70 or older; spine surgery or an injection in the last 3 months; or sudden severe pain while taking a blood thinner, which needs to be seen the same day.",
          "Stretching pauses until you record that a clinician has cleared you. A family doctor, a physiatrist or a physical therapist can help.",
        ],
      },
      {
        heading: "Signs to go gently",
        paragraphs: [
          "Steady symptoms in one leg, pain that jumps after light sessions, no real change after about four weeks of practice, or morning stiffness of more than half an hour for 3 months that began before 45: you can keep going, and a clinician check is a good idea.",
          "If pain rises 2 or more points after sessions twice in a week, the next week keeps the knee bent, holds short and the floss small. A third time, it is worth seeing someone.",
        ],
      },
      {
        heading: "Why there is no way around it",
        paragraphs: [
          "Nothing in the app starts a session on a day a warning sign calls for care, and an emergency answer stands for the rest of that day.",
          "Limber offers general information and support for looking after yourself. It does not diagnose or treat anything, and it is no substitute for a clinician.",
        ],
      },
    ],
    rules: [
      "R-TRIAGE-A",
      "R-TRIAGE-B",
      "R-TRIAGE-C",
      "R-TRIAGE-NO-BYPASS",
      "R-EMERGENCY-NUMBER",
      "R-SPIKE",
      "R-DISCLAIMER",
    ],
    sources: [
      "NICE59",
      "BMJCES",
      "FINUCANE20",
      "CHOU07",
      "OSTELO08",
      "NUMBERS",
      "MEDLINEPLUS",
      "ESSAY",
    ],
  },
  {
    id: "after-a-warning-sign",
    title: "After a warning sign",
    summary:
      "An urgent sign does not end at midnight, and the daily question stays short without leaving anything out.",
    screens: [
      {
        heading: "The days after an urgent sign",
        paragraphs: [
          "After an urgent sign, each check-in first asks whether a clinician has seen you about it. Until you say they did and told you that you can move, practice stays paused, with slow breathing and an easy walk, and the app says again where to get care.",
          "A clearance names the signs it answers, so one visit about one sign does not quietly clear another.",
        ],
      },
      {
        heading: "Fever and infection",
        paragraphs: [
          "With fever, chills or signs of an infection, the day is for rest and slow breathing. The walk waits until you are well.",
        ],
      },
      {
        heading: "A short question most days",
        paragraphs: [
          "The full list of signs comes at your first check-in, at the first check-in of each week, and every day for a week after any sign. Other days ask one short question in a few plain lines, with None of these first, and every sign is at most two taps away.",
          "Signs that cannot apply to you, such as one about being 50 or older, are left out once you give your year of birth.",
        ],
      },
      {
        heading: "Honest words",
        paragraphs: [
          "Every sentence shown with a rule says only what its sources say, and fits the step it explains. A reason that reads wrong for the step in front of you is a fault in Limber, not in you: go by how the step feels.",
        ],
      },
    ],
    rules: ["R-TRIAGE-FOLLOW-UP", "R-TRIAGE-REST", "R-TRIAGE-ASK", "R-HONEST-TEXT"],
    sources: ["NICE59", "FINUCANE20", "MEDLINEPLUS"],
  },
  {
    id: "make-it-your-own",
    title: "Making it your own",
    summary:
      "The plan follows how your back feels today: lighter on grumpy days, a little further on calm ones, and easy after hard ones.",
    screens: [
      {
        heading: "Grumpy days",
        paragraphs: [
          "No single stretch suits every day. When your back is cranky, gentle moving work with a bent knee replaces long straight-knee holds, with one set of strength.",
          "A short walk and some warmth may help too.",
        ],
      },
      {
        heading: "Good days",
        paragraphs: [
          "On a calm day after steady practice, you might explore a little more range or a slightly longer hold, as long as you can still breathe easily and chat.",
        ],
      },
      {
        heading: "After a hard day",
        paragraphs: [
          "New range is new load. After a demanding day, the plan offers a lighter session and a walk, so the new range has time to settle.",
          "Sleep, stress and long sitting all change how your body feels. A lighter day is part of the practice, not a step back.",
        ],
      },
      {
        heading: "Days of high pain",
        paragraphs: [
          "With pain at 7 or more out of 10, the day is light whatever else you answered, with no step up. If you chose calm with that much pain, the check-in asks once which is right.",
          "On light days, and whenever a leg has symptoms, the hinge goes without added weight and the bridge uses both legs.",
        ],
      },
    ],
    rules: [
      "R-GRUMPY",
      "R-GOOD",
      "R-RECOVERY",
      "R-RECOVERY-RESPECT",
      "R-PAIN-HIGH",
      "R-LIGHT-LOAD",
    ],
    sources: ["ESSAY", "ACP17"],
  },
  {
    id: "building-the-habit",
    title: "Building the habit",
    summary:
      "A routine tied to your day, a weekly goal without streaks, and attention to how things feel make practice easier to keep.",
    screens: [
      {
        heading: "Find an anchor",
        paragraphs: [
          "Link your practice to something that already happens every day, like the kettle or the coffee maker. A few hip rolls and one strap stretch fit in the time it takes.",
        ],
      },
      {
        heading: "Days, not streaks",
        paragraphs: [
          "Your goal is a number of practice days a week, five unless you choose otherwise. A missed day is just a day, and the week goes on.",
        ],
      },
      {
        heading: "Notice what gets easier",
        paragraphs: [
          "How your days feel comes first. Picking up the laundry with less effort says more than a number on a ruler.",
          "Short walks and two light strength days a week pair well with mobility. Moving more and sitting less helps the whole system.",
        ],
      },
    ],
    rules: ["R-ANCHOR", "R-CONSISTENCY", "R-PAIR", "R-FEELINGS"],
    sources: ["ESSAY", "PAG18", "ACP17"],
  },
  {
    id: "common-questions",
    title: "Five common questions",
    summary:
      "Short answers about tightness and pain, how often to practise, holds or moving reps, leg symptoms, and what to add.",
    screens: [
      {
        heading: "Do tight hamstrings always cause back pain?",
        paragraphs: [
          "No. Back pain has many causes. Stiff hamstrings can change how you bend and add load for some people, but they are one part of a larger picture.",
          "That is why mobility tends to work best alongside walking and light strength work.",
        ],
      },
      {
        heading: "How often should you practise?",
        paragraphs: [
          "Little and often: about 5 to 10 minutes on most days tends to beat long, rare sessions.",
          "On days your back or leg feels sensitive, choose bent-knee versions and step up only when things stay calm afterwards.",
        ],
      },
      {
        heading: "Holds or moving reps?",
        paragraphs: [
          "Both have their place. In the early weeks, or on sensitive days, moving the knee in and out of range with short, easy holds is often kinder. Longer holds can come later if they feel fine.",
          "Whichever style you will actually stick with is the right one for you.",
        ],
      },
      {
        heading: "Leg symptoms, and what to pair it with",
        paragraphs: [
          "With sciatica-like symptoms, practise only gently and only while they stay calm. If a position brings sharp, electric or spreading pain, ease off, bend the knee and shorten the range. If symptoms linger, check with a clinician.",
          "Short walks, light hip and glute strength, and hinge practice all go well with hamstring work.",
        ],
      },
    ],
    rules: ["R-HONEST", "R-DOSE-SESSION", "R-NERVE", "R-TRIAGE-C", "R-PAIR", "R-GRUMPY"],
    sources: ["ESSAY", "ACP17", "GOU24", "COPPIETERS08", "PAG18", "ACSM"],
  },
  {
    id: "your-clinicians-programme",
    title: "A programme from your clinician",
    summary:
      "A physiotherapist can set your exercises, their doses and their pace in a link; the safety rules still decide each day.",
    screens: [
      {
        heading: "What the programme sets",
        paragraphs: [
          "Your clinician chooses which exercises and which versions of them you do, how much of each, where each starts and how fast it may step up.",
          "Limber follows it, and says on each step when the programme set it.",
        ],
      },
      {
        heading: "What the programme cannot change",
        paragraphs: [
          "Warning signs still pause practice, and on a grumpy day, with leg symptoms or after a pain spike, a step is made gentler than the programme asks, or left out when the programme allows no gentler version. Each step says why.",
          "Your summary shows your clinician each day this happened, so nothing is hidden from either of you.",
        ],
      },
    ],
    rules: ["R-PRESCRIBED"],
    sources: ["ESSAY"],
  },
];

/** The first lesson that explains `rule`, for linking a plan's reason to its lesson. */
export function lessonForRule(rule: RuleId): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.rules.includes(rule));
}
