import type { VariantId, VariantWords } from "./schema.ts";

/**
 * What a person reads about each variant, by its id: how to set up, what to keep in mind while
 * moving, how it should feel and when to soften. The planner never reads these words, so they
 * load only with the screens that show them (the player, the how-to).
 */
export const VARIANT_WORDS = {
  "hip-rolls-breath": {
    setup: [
      "Lie on your back with your knees bent, your feet flat and hip-width apart, and your arms resting by your sides.",
    ],
    cues: [
      "Breathe in for four, hold for four, breathe out for four, and rest for four.",
      "Let your back feel heavy and still on the floor.",
      "Let the breath stay soft enough that it never strains.",
    ],
    feel: "Calm and easy, with your belly and ribs moving and nothing in your back or legs working.",
    softenWhen:
      "If the pauses make you tense or light-headed, let them go and simply breathe slowly.",
  },
  "hip-rolls-tilt": {
    setup: [
      "Lie on your back with your knees bent and your feet flat, and rest your hands on the front of your hips to feel your pelvis move.",
    ],
    cues: [
      "As you breathe out, let your pelvis roll a little so your low back eases toward the floor.",
      "As you breathe in, let it roll back to where it started.",
      "The movement is small: the breath leads and the pelvis follows.",
    ],
    feel: "A soft rocking through the low back that leaves it feeling less guarded.",
    softenWhen: "If the rolling pinches or aches, make it smaller, or just breathe without it.",
  },
  "floss-small": {
    setup: [
      "Lie on your back with both knees bent and your feet flat.",
      "Bring one knee up until that hip is close to a right angle, and hold the back of the thigh with both hands.",
    ],
    cues: [
      "Slowly straighten the knee only part of the way, then bend it again.",
      "Let your ankle and foot stay loose.",
      "Move at an easy, even pace with smooth breathing.",
    ],
    feel: "A light stretch behind the thigh that comes as the knee straightens and fades as it bends.",
    softenWhen:
      "If you feel anything sharp, zappy or tingling in the leg, straighten the knee less, and stop if it stays.",
  },
  "floss-full": {
    setup: [
      "Lie on your back with both knees bent and your feet flat.",
      "Bring one knee up until that hip is close to a right angle, and hold the back of the thigh with both hands.",
    ],
    cues: [
      "Slowly straighten the knee to a comfortable end, then bend it back.",
      "Stop just short of locking the knee, and let the ankle stay relaxed.",
      "Breathe out as the leg straightens.",
    ],
    feel: "A mild stretch behind the thigh at the top of each movement that eases as soon as you bend.",
    softenWhen:
      "If the leg feels sharp, zappy or tingly, or the feeling spreads, go back to a smaller range.",
  },
  "floss-nerve-slider": {
    setup: [
      "Lie on your back with both knees bent and your head resting on the floor or a thin pillow.",
      "Bring one knee up, a little short of a right angle at the hip (the thigh about two-thirds of the way to upright), and hold the back of that thigh with both hands.",
    ],
    cues: [
      "As you straighten the knee, let your head tip gently back so your chin lifts.",
      "As you bend the knee, let your chin come down toward your chest.",
      "The head and the knee move in opposite directions, so nothing is pulled from both ends at once.",
      "Move slowly and stay well short of any strong stretch.",
    ],
    feel: "Easy, gliding movement with little or no stretch anywhere.",
    softenWhen:
      "If tingling, burning or zappy feelings appear or spread, make both movements smaller, and stop if they stay.",
  },
  "strap-knee-bent": {
    setup: [
      "Lie on your back with both knees bent and a strap looped around the middle of one foot.",
      "Hold the ends of the strap with relaxed arms and shoulders.",
      "Raise that leg, keeping the knee bent, until you feel a gentle pull behind the thigh.",
    ],
    cues: [
      "Let the strap carry the weight of the leg so your shoulders can soften.",
      "Look for a mild stretch that still lets you breathe slowly and easily.",
      "On each breath out, let the leg settle a little further if it wants to.",
    ],
    feel: "A mild to moderate stretch in the back of the thigh, with steady, easy breathing.",
    softenWhen:
      "If you feel sharp, zappy or tingling sensations, or notice you are holding your breath, lower the leg a little and bend the knee more.",
  },
  "strap-knee-soft": {
    setup: [
      "Lie on your back with both knees bent and a strap looped around the middle of one foot.",
      "Hold the ends of the strap with relaxed arms and shoulders.",
      "Raise that leg with the knee almost straight, leaving a little softness behind it.",
    ],
    cues: [
      "Let the strap carry the weight of the leg so your neck and shoulders can relax.",
      "Find a stretch you could still chat through.",
      "Breathe out slowly as you reach the end of the range.",
    ],
    feel: "A mild to moderate stretch along the back of the thigh that you can settle into.",
    softenWhen:
      "If you feel sharp, zappy or tingling sensations, or your breath catches, lower the leg and bend the knee a little more.",
  },
  "strap-knee-straight": {
    setup: [
      "Lie on your back with a strap looped around the middle of one foot.",
      "Let the other leg rest bent or long, whichever feels better for your back.",
      "Raise the strapped leg with the knee straight but not locked, and stop at a mild stretch.",
    ],
    cues: [
      "Let the back of the knee stay easy rather than pressing it flat.",
      "Keep your shoulders on the floor and let the strap do the holding.",
      "Breathe out into the end of the range and let any extra give come on its own.",
    ],
    feel: "A clear but comfortable stretch behind the thigh, with breathing that stays smooth.",
    softenWhen:
      "If the straight knee brings sharp, zappy or tingling feelings, bend the knee and lower the leg, and go back to a softer knee.",
  },
  "hinge-tall-kneel": {
    setup: [
      "Kneel on a mat with your knees hip-width apart and your body tall above them.",
      "Rest your hands on your hips or cross them over your chest.",
    ],
    cues: [
      "Send your hips back toward your heels, as if closing a drawer with them, with your spine long.",
      "Take about three seconds to go back and three seconds to come up.",
      "Stop before your back starts to round.",
    ],
    feel: "Light work in the buttocks and a gentle stretch at the back of the hips, with a quiet low back.",
    softenWhen:
      "If your knees feel sore, add padding under them, and if your back aches, make the movement smaller.",
  },
  "hinge-dowel": {
    setup: [
      "Stand with your feet hip-width apart and your knees soft.",
      "Hold a dowel or broom handle along your back, one hand above your head and one at the small of your back, so it touches your head, upper back and tailbone.",
    ],
    cues: [
      "Let your hips travel back, like closing a drawer with them, while the dowel stays on all three points.",
      "Take about three seconds down and three seconds up.",
      "Go only as far as you can without the dowel leaving your head or tailbone.",
    ],
    feel: "A gentle stretch behind the thighs and steady work in the buttocks, with your back staying long.",
    softenWhen:
      "If your low back aches or the dowel keeps coming away from your body, make the hinge shallower.",
  },
  "hinge-weight": {
    setup: [
      "Stand with your feet hip-width apart and your knees soft.",
      "Hold a light weight in both hands in front of your thighs.",
      "Choose a weight you could lift many more times than you plan to.",
    ],
    cues: [
      "Let your hips travel back as the weight slides down close to your thighs.",
      "Stop before your back starts to round, with your spine long.",
      "Take about three seconds down and three seconds up, breathing all the way.",
    ],
    feel: "Steady work in the buttocks and the backs of the thighs, at an effort you could talk through.",
    softenWhen:
      "If your back works harder than your hips or your breath gets tight, set the weight down and go back to the dowel.",
  },
  bridge: {
    setup: [
      "Lie on your back with your knees bent, your feet flat and hip-width apart, and your arms by your sides, palms down.",
    ],
    cues: [
      "Press through your heels to lift your hips to a comfortable height.",
      "Let your ribs stay down so the lift comes from your hips, not your low back.",
      "Breathe out as you lift, and lower slowly.",
    ],
    feel: "Warm, steady work in the buttocks at an effort where you could still chat.",
    softenWhen:
      "If you feel it mostly in your low back or the backs of your thighs cramp, lift less high and bring your feet a little closer.",
  },
  "bridge-hold": {
    setup: [
      "Lie on your back with your knees bent, your feet flat and hip-width apart, and your arms by your sides, palms down.",
    ],
    cues: [
      "Press through your heels to lift your hips, with your ribs staying down.",
      "Pause at the top for about three seconds, breathing the whole time.",
      "Lower slowly, letting your back meet the floor bit by bit.",
    ],
    feel: "The buttocks working a little longer and harder, while your back stays relaxed.",
    softenWhen:
      "If the pause makes you hold your breath or your back takes over, shorten the pause or go back to plain bridges.",
  },
  "bridge-single-leg": {
    setup: [
      "Lie on your back with your knees bent and your feet flat.",
      "Lift one foot off the floor and hold that knee bent above your hip.",
    ],
    cues: [
      "Press through the heel that is on the floor to lift your hips.",
      "Let both sides of your pelvis stay level, as if a glass of water were resting on it.",
      "Breathe out as you lift, and lower slowly.",
    ],
    feel: "Firm work in the buttock of the standing leg, at an effort you could still talk through.",
    softenWhen:
      "If your pelvis tips, your back aches or the back of the thigh cramps, lift less high or go back to bridging on both feet.",
  },
  "dead-bug-heel-taps": {
    setup: [
      "Lie on your back and reach both arms toward the ceiling.",
      "Lift your legs so your knees are above your hips, bent to a right angle.",
    ],
    cues: [
      "Slowly lower one heel to tap the floor, bring it back, then switch sides.",
      "Let your low back stay steady and quiet against the floor.",
      "Breathe out as the heel goes down.",
    ],
    feel: "Gentle work deep in your belly while your back stays still and relaxed.",
    softenWhen:
      "If your low back arches or aches, lower the heel less far, or rest the other foot on the floor.",
  },
  "dead-bug-alternating": {
    setup: [
      "Lie on your back and reach both arms toward the ceiling.",
      "Lift your legs so your knees are above your hips, bent to a right angle.",
    ],
    cues: [
      "Slowly reach one arm back overhead as the opposite leg stretches out toward the floor.",
      "Go only as far as your low back can stay steady.",
      "Come back to the start and switch sides, breathing out as you reach.",
    ],
    feel: "Steady work through your belly and hips, with your back calm against the floor.",
    softenWhen:
      "If your back lifts off the floor or you catch yourself holding your breath, make the reach shorter or go back to heel taps.",
  },
  "desk-knee-extension": {
    setup: [
      "Sit tall toward the front of your chair with both feet flat on the floor and your hands resting on your thighs.",
    ],
    cues: [
      "Slowly straighten one knee, letting the ankle and foot stay relaxed.",
      "Pause for a moment, then lower the foot back to the floor.",
      "Stay sitting tall rather than leaning back.",
    ],
    feel: "A light, moving stretch behind the thigh and a welcome break from sitting still.",
    softenWhen:
      "If the leg feels tingly or zappy, straighten the knee less or lean back a little, and stop if it stays.",
  },
  "desk-stool-fold": {
    setup: [
      "Stand facing a low stool or step and rest one heel on it.",
      "Let that knee stay soft, and rest your hands on your thighs.",
    ],
    cues: [
      "Hinge forward from your hips with a long spine until you feel a mild stretch.",
      "Bring your chest forward rather than dropping your head.",
      "Stay for two or three slow breaths, then stand tall again.",
    ],
    feel: "A mild stretch behind the thigh of the raised leg, with your back feeling long.",
    softenWhen:
      "If you feel sharp or tingling sensations or lose your balance, bend the knee more, lean less, or hold on to your desk.",
  },
  "warmup-knee-bends": {
    setup: ["Stand with your feet hip-width apart, holding the back of a chair if you like."],
    cues: [
      "Bend your knees a little, then straighten them, at an easy rhythm.",
      "Let your arms and shoulders stay loose.",
    ],
    feel: "Your legs warming up gently, with no strain anywhere.",
    softenWhen: "If your knees complain, make the bend smaller or try ankle pumps instead.",
  },
  "warmup-ankle-pumps": {
    setup: ["Lie on your back with your legs long or your knees bent, whichever is comfortable."],
    cues: [
      "Point your toes away from you, then draw them back, at an easy rhythm.",
      "Your feet can move together or take turns.",
    ],
    feel: "A light pumping in your calves that warms your legs.",
    softenWhen: "If your calves start to cramp, slow down and make the movement smaller.",
  },
  "warmup-easy-walk": {
    setup: ["Find a room or a hallway with space to walk, and stand tall."],
    cues: ["Let your arms swing freely.", "Take relaxed, natural steps."],
    feel: "Easy and loosening, with breathing you barely notice.",
    softenWhen:
      "If walking brings pain that grows, slow down or stop, and try ankle pumps instead.",
  },
  "walk-easy": {
    setup: ["Head out in comfortable shoes, indoors or outside, on a route you can cut short."],
    cues: [
      "Walk at a pace where you could talk in full sentences.",
      "Let your arms swing and your steps stay relaxed.",
      "A short walk still counts.",
    ],
    feel: "Comfortable and easy, a little warmer, with enough breath to chat.",
    softenWhen:
      "If pain grows as you walk or spreads down a leg, slow down, head home, or stop and rest.",
  },
} satisfies Record<VariantId, VariantWords>;

/** What a person reads about the variant with this id: its setup, cues, feel and when to soften. */
export function variantWords(id: VariantId): VariantWords {
  return VARIANT_WORDS[id];
}
