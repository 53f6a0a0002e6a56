/**
 * Passwords that guessing tools try first, lower-cased (the check is case-insensitive).
 *
 * How the list is built: nothing is downloaded, so it is composed from the patterns that
 * dominate every published breach list ("123456", "password1", "qwerty123", "iloveyou"…):
 *   1. well-known passwords written out by hand, including leet spellings like "p@ssw0rd";
 *   2. digit runs up and down ("1234567890", "987654"), digit and letter repeats ("000000",
 *      "aaaaaaaa"), short patterns said over ("12121212", "123123123") and alphabet runs;
 *   3. keyboard walks: the start of each keyboard row in QWERTY, AZERTY and QWERTZ, plus
 *      column and zigzag walks written out ("1qaz2wsx", "1q2w3e4r");
 *   4. every common word and name below, followed by each of the usual endings (nothing,
 *      "1", "123", "!", "123!", a lucky number, or a year from 1970 to 2026), since that is
 *      how people meet a "must contain a digit" rule;
 *   5. words about this service (NIST SP 800-63B asks for them): "limber", "backpain",
 *      "hamstring"… with the same endings.
 * It approximates rather than copies the real top lists; if a breach-derived list (such as
 * the NCSC's 100,000) can be vendored later, add it here as a sixth source.
 */

/** The words in a block of text, so long lists stay compact and easy to scan. */
function wordsIn(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== "");
}

const WELL_KNOWN = wordsIn(`
  123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
  abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang
  1234567890 michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer
  trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger
  sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars 112233 george
  computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass
  maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea
  biteme matthew access yankees 987654321 dallas austin thunder taylor matrix passw0rd p@ssw0rd
  p@ssword pa55word pa$$word passwort motdepasse contraseña senha parola wachtwoord lozinka
  haslo admin123 administrator root toor changeme default guest welcome secret qwerty123
  qwerty1 password1 password123 iloveyou1 123abc abcd1234 a123456 aa123456 a1b2c3 a1b2c3d4
  1a2b3c4d q1w2e3r4 q1w2e3r4t5 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y zaq12wsx zaq1zaq1
  zaq1xsw2 1qazxsw2 !qaz2wsx !qaz@wsx 1qaz2wsx3edc qazwsxedc qweasd qweasdzxc qwe123 asd123
  zxc123 asdfasdf qwerqwer 1234qwer qwer1234 123qweasd 123qweasdzxc 112233445566 11223344
  123123123 12341234 123654 1234554321 147258369 147852369 159357 741852963 789456123 789456
  963852741 142536 101010 010203 5201314 520520 1314520 lovelove iloveu ihateyou loveme fuckyou
  whatever nothing anything hellokitty baby123 letmein1 welcome1 abc12345 test123 monkey1
  trustnoone opensesame blink182 ncc1701 rush2112 jordan23 11235813 31415926 3141592653 8675309
  ilovegod godisgood iloveyou2 loveyou2
`);

const KEYBOARD_ROWS = wordsIn(`
  qwertyuiop asdfghjkl zxcvbnm poiuytrewq lkjhgfdsa mnbvcxz azertyuiop qsdfghjklm wxcvbn
  qwertzuiop yxcvbnm 1qaz2wsx3edc4rfv
`);

const WORDS = [
  // Computers and sign-in screens.
  ...wordsIn(`
    password passw0rd p@ssw0rd pass admin login welcome letmein secret master access changeme
    test user guest qwerty abc abcd default computer internet google apple samsung nintendo
    pokemon minecraft
  `),
  // Love, faith and feelings.
  ...wordsIn(`
    iloveyou loveyou love lovely loveme angel baby babygirl princess beautiful butterfly flower
    sunshine freedom forever friends family heaven jesus blessed happy smile hello whatever
    trustno1
  `),
  // Animals, colours, food and things.
  ...wordsIn(`
    monkey dragon tiger shadow tigger buster pepper ginger maggie bailey cookie chocolate
    cheese banana orange purple silver golden diamond thunder midnight summer winter spring
    autumn mustang ferrari harley corvette killer hunter ranger matrix dolphin
  `),
  // Sport, films and games.
  ...wordsIn(`
    football baseball basketball soccer hockey liverpool chelsea arsenal manchester barcelona
    yankees cowboys lakers superman batman spiderman starwars naruto fortnite jordan
  `),
  // First names.
  ...wordsIn(`
    michael jennifer jessica ashley daniel thomas charlie michelle robert andrew joshua matthew
    anthony william nicole amanda hannah sophie david james george maria alexander elizabeth
    samantha
  `),
  // This service: the first guesses of anyone attacking Limber in particular.
  ...wordsIn(`
    limber limberapp backpain stretch stretching hamstring hamstrings mobility flexible yoga
    pilates physio fitness health healthy selfcare wellness wellbeing
  `),
];

const FIRST_YEAR = 1970;
const LAST_YEAR = 2026;
const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));

const ENDINGS = [
  ...["", "1", "12", "123", "1234", "12345", "123456", "01", "007"],
  ...["!", "!!", "1!", "123!", "@123", "#1"],
  ...["2", "3", "7", "11", "13", "21", "22", "23", "69", "77", "88", "99", "666", "777"],
  ...years,
];

/** Every substring of `text` from `shortest` characters up. */
function runsIn(text: string, shortest: number): string[] {
  const runs: string[] = [];
  for (let start = 0; start < text.length; start++) {
    for (let end = start + shortest; end <= text.length; end++) runs.push(text.slice(start, end));
  }
  return runs;
}

/** `text` cut after each length from `shortest` to the whole. */
function startsOf(text: string, shortest: number): string[] {
  return Array.from({ length: text.length - shortest + 1 }, (_, i) => text.slice(0, shortest + i));
}

const REPEAT_LENGTHS = [4, 5, 6, 7, 8, 9, 10, 12];
const repeats = (characters: string) =>
  [...characters].flatMap((character) => REPEAT_LENGTHS.map((length) => character.repeat(length)));

/** Each pattern said two, three and four times over: "121212", "abcabcabc", "qwerqwer". */
const cycles = (patterns: string[]) =>
  patterns.flatMap((pattern) => [2, 3, 4].map((times) => pattern.repeat(times)));
const digitPairs = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));
const SHORT_PATTERNS = wordsIn("123 321 abc qwe asd zxc 1234 4321 abcd qwer asdf love pass");

/** About 13,000 passwords, lower-cased and in NFC, as passwordProblem compares them. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [
    ...WELL_KNOWN,
    ...runsIn("01234567890", 4),
    ...runsIn("09876543210", 4),
    ...repeats("0123456789abcdefghijklmnopqrstuvwxyz"),
    ...cycles([...digitPairs, ...SHORT_PATTERNS]),
    ...startsOf("abcdefghijklmnopqrstuvwxyz", 4),
    ...KEYBOARD_ROWS.flatMap((row) => startsOf(row, 4)),
    ...WORDS.flatMap((word) => ENDINGS.map((ending) => word + ending)),
  ].map((password) => password.normalize("NFC").toLowerCase()),
);
