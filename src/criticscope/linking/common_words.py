"""Everyday English words, most frequent first: lowercase words from a corpus of
33,000 reader film reviews that are written lowercase in at least 60% of their
uses.  A title made only of these words ("Up", "Heat", "Drive") needs a strong
cue before the text counts as naming the film."""

from __future__ import annotations

_WORDS = """
the a and of to is in that it this was as with movie for film but on are not his have you be one by
at he all an who from like they so her or about out has just good some more very up time what would
when which story if only really even their see had no can there were me than my she much been into
well get will bad him other people because do great its made most first we make them way also too
how could movies any think characters films then character seen two plot watch being many life
acting never over little off know after love best where did show ever does better your end say scene
scenes still such here should through something go back these man real those work thing watching
years actors old funny makes though find few going while same before look actually why lot cast
director nothing part again another quite down want seems enough around every pretty things fact got
own between thought us long take action comedy original now young may series horror world give gets
right new times role always interesting point least without both must whole done bit script almost
big saw come family minutes feel performance might far making music anything kind guy fun away
probably am last rather hard since found played worst screen comes girl woman course trying believe
goes looking each yet looks place sense day different set especially our anyone put ending reason
book shows sure money year takes job plays actor audience together worth seem main having watched
effects play true said version himself three beautiful half someone left idea special less wife shot
seeing everything once later else mind high excellent during performances simply nice read help fan
completely used everyone short budget father need either low use rest second line home boring poor
top production classic try given camera kids enjoy wrong moments until start tell instead truly full
friends women mean recommend couple video often along death house understand itself men came awful
gives stupid night style small sex getting episode playing doing although stars remember keep face
dialogue become next piece wonderful human written black lines perfect terrible name person star
school felt maybe others early supposed liked entertaining head drama case sort entire against title
picture live went war problem let waste called worse becomes definitely humor absolutely fans cinema
certainly already laugh lives care beginning direction seemed example several turn based wanted
works loved under dead lost fine boy hope friend heart tries quality children lead wants writing
past mother self history flick able genre turns throughout guys guess sound totally close enjoyed
finally side amazing starts son behind hand evil art game gave viewer etc killer themselves act
favorite final car hour parts days stuff expect perhaps late white feeling town stories thinking
actress directed child decent matter voice myself brilliant slow run dark roles moment type horrible
eyes experience heard says took cannot killed involved lack girls obvious happens fight known
violence hit attempt told kill writer sometimes interest strong leave coming particularly soon
extremely happened ago including kid happen daughter age whose stop chance complete except group
career documentary obviously despite wonder highly hours serious looked score crap exactly simple
level shown jokes annoying number alone taken ends sad relationship thriller possible somewhat
reality yourself light change musical started hilarious released novel usual finds brother view
across opening murder talent opinion ridiculous cinematography ones cut husband gore shots important
running female living hero turned song talking today saying save modern body cool comic episodes
single mostly taking middle silly police romantic events disappointed attention huge word wish feels
scary usually non songs happy blood problems predictable moving tells call knows order knew easily
future sequence room cheap entertainment enjoyable class due local television tale bring major
strange needs sets words message falls appears supporting seriously dull clich clearly similar
giving fast sequel country power above four stand points effort nearly material ways animation none
mention herself hell minute five feature review straight beyond theme re near clear release upon
elements working viewers surprised talk within storyline easy form begins actual named bunch theater
means tried typical follow using showing whether soundtrack team realistic subject figure editing
rating dialog comments hate certain period famous leads weak premise viewing fall doubt fantastic
eye kept crime ten atmosphere th sequences particular suspense brought among filmed hear sexual stay
mystery emotional learn stage greatest difficult believable lame move apparently average parents
expected deal sister city reviews sit surprise decided leaves laughs basically buy add poorly nature
acted lots screenplay became gone dramatic needed question killing memorable romance situation
forced credits free somehow mess begin truth possibly meets keeps reading dance earlier realize die
imagine male third older interested superb write footage season creepy open badly result nor
perfectly personal brings quickly wait rent forward fails powerful whom comment setting directors
unique manages writers weird please forget effect previous features worked development directing
political joke society ideas rate business appear admit meet deep background eventually create
potential fantasy ask cheesy meant general masterpiece present check telling leading towards
incredibly casting hands deserves plenty dumb various indeed pay hot portrayed break box shame miss
sorry attempts reasons fighting flat remake sounds era fairly crazy success beauty battle talented
note inside missing front girlfriend social air space familiar filmmakers hardly villain total
expecting whatever outside cute twist gay copy wrote plain agree co nudity clever intelligent uses
married mentioned wasted pace visual cop dream monster rich convincing sweet large entirely recently
missed created slightly hold match ended members list caught waiting filled produced decides odd
concept popular recent tension spent crew further pure sees unless amusing moves dog depth
successful bored effective laughing solid cartoon value ultimately fire dancing choice credit
exciting focus language public impressive apart runs following positive cover appreciate boys
culture store lady otherwise biggest speak kills portrayal water amount spend escape common zombie
chemistry control fi violent bizarre follows singing revenge incredible charming animated heavy died
former books adventure trouble younger win avoid respect impossible cause barely pointless fit
situations makers honest adult disturbing compared office party trash questions audiences images
longer accent showed hair consider gun considered trip decide changed walk failed slasher sci
suddenly involving meaning rare secret cold tough shooting values conclusion college sick narrative
won ability producers cinematic appeal fake neither adaptation likely leaving project state likes
computer starring touch touching anti studio baby return utterly tone compelling awesome band rated
cult literally charm standard bought somewhere surprisingly post pathetic loud prison comedies
garbage terrific fear basic purpose appearance twists explain magic company terms immediately
complex mood beautifully remains sitting spirit sexy week taste subtle aspect considering genius
generally humour thinks stick fascinating natural motion drawn fully shoot normal force glad issues
themes street catch pick date managed added nowhere century equally ex smart unbelievable military
finish key manner constantly pieces presence historical doctor painful climax science numbers plus
laughable zombies fair mistake excuse drive presented costumes alive brain disappointing ride pass
knowing dreams super unlike places door impression scenery lovely details marriage innocent
developed lacks stunning fresh thrown stands photography emotions aspects disappointment exception
hoping pictures slowly expectations opportunity offers journey intended soul fiction outstanding
emotion feelings held tired puts drug approach edge offer delivers animals bother suppose mysterious
contains track recommended sent likable support building acts adults walking victim lived noir
filming names happening soldiers boyfriend minor silent opera changes brief pain loves proves
element suggest gang worthy share moral flaws mix attack bar include mainly difference producer camp
available dies cat imagination road spot critics tragedy provides victims image detective mediocre
bed merely creative relationships serial gorgeous actresses government thoroughly fellow mad western
confusing train winning appeared helps confused falling followed content trailer law event thanks
flicks standards aside ahead gem shock wondering tragic lover paid forgotten direct color lighting
inspired laughed sub porn system naked rape fashion chase central addition dad childhood step throw
justice notice random impressed brothers funniest student surely students energy forever detail
million deeply becoming attractive engaging double stuck twice wise negative affair length intense
putting pull extreme wall latter giant murders answer ghost honestly intelligence ground seemingly
deliver island impact reminded afraid turning race personality adds folks artistic fell teen
industry filmmaker six quick struggle boss design plan asks thin speaking pleasure information onto
supposedly ready finding seconds nasty apartment shocking holes describe faces area necessary ugly
collection beat epic location absolute rented nobody damn remarkable picked intriguing redeeming
lose cry build willing professional sight wearing realized helped drugs allowed moved anymore
hospital clothes bottom process sleep led memory artist mouth includes paced surprising wonderfully
angry disaster member planet began comedic loving whatsoever master wooden tears apparent mid wild
ship provide pop flying favourite unusual superior born food watchable vampire phone vision land
rarely suicide martial scientist actions teacher carry accident listen lets holds commentary dying
thus introduced technical hotel treat physical anywhere religious teenage bits unnecessary extra
desperate exist continue pacing brutal absurd mental agent allow accept personally plane finished
rip limited humans news search soft debut scared independent ill grade compare quiet issue station
reminds wanting pretentious everybody criminal count nicely passion suspect creating deserve
friendship cross smile community capture study woods gags nonsense creature arts psychological asked
deserved desire toward instance bland lacking knowledge heads players gotten soap pilot club jump
accurate growing sat hits heroes record player channel media constant delightful games loss plots
results blame hidden satire lovers drunk mixed conflict explanation fights cops fail thats torture
explained hated returns unfunny pre realism aware manage floor loose talents understanding summer
witty concerned suit sign genuine hurt pulled loses lies responsible memories heroine formula
perspective wit animal treated army dangerous hopes finest bright award cable twenty terribly bloody
dealing church prove guns humanity cars noticed occasionally behavior saved met joy included
villains roll finale machine skills cuts months keeping humorous bigger partner mom faith ups blue
context continues empty featuring efforts anybody edited discover core existence locations portray
remembered theatre creates visuals discovered ordinary eating kick mine below rubbish youth
unexpected dated genuinely driving sucks visit numerous deals shallow dimensional unknown allows
captured wide awkward originally traditional forces spectacular received opens opposite wedding
emotionally kinda reach breaks overly frame advice starting regular current grown murdered alien
seven revealed soldier failure horse reviewers learned brilliantly calls strength delivered survive
comparison versions reaction stereotypes powers contrived ass sheer sing favor suffering develop
grew eat proved parody cameo warm references painfully appealing owner lesson commercial vehicle
executed types ultimate higher decade singer pleasant passed unable trust visually segment window
laughter sake satisfying identity technology steal gangster therefore program built screaming levels
fat travel entertained combination curious stock somebody irritating corny sucked fate treatment
families morning connection seat blind radio dry largely relief leader site pair majority ring
driven hearted officer substance board luck attitude logic fault ladies aged tedious monsters
discovers relate fill gonna essentially author ages gory product depressing caused bank gold broken
capable graphic produce sell utter sports clean flashbacks range gratuitous described magnificent
crowd theaters crappy exploitation dressed meeting spoilers captures sympathetic send endless
obsessed grow dreadful ran foreign excited excitement portrays handsome believes vs bet assume
chosen blonde safe protagonist decision underrated stopped standing par practically asking cares
saving tape choose field appropriate lucky foot feet embarrassing fare contemporary sequels seasons
learns promise involves ruined individual proper mission portraying melodrama religion model
normally boat drag relatively latest warning fame matters desert voices insane refreshing round
streets claim zero dubbed theatrical thoughts lousy amateurish rescue unrealistic virtually costs
surprises sharp contrast evidence forgettable shop inner ancient teenagers whilst reviewer
circumstances suffers chick fits hearing generation rental st flesh cost facts whenever tend
politics paper structure naive nominated market research convinced com scare talks unlikely
promising presents marry ball offensive asleep steals scale cash factor designed test disgusting
village destroy anime judge quirky remain touches category rise spoil routine bringing handled
cutting qualities strongly insight serves pile display losing walks correct clue pity source semi
covered costume insult fly mainstream bodies dirty sudden believed section speaks bear initial
experiences focused surreal depicted viewed amateur closer center lower degree execution bomb liners
skip provided horribly skin baseball vote shocked unfortunate accents football holding claims
classics makeup faced teenager witch grace mini angles notch influence target movement private drop
supernatural harsh price surface draw lawyer recall propaganda frightening continuity teens handed
ruin hanging hide path weeks frankly plans repeated guilty chose convince grand cultural committed
training cartoons reveals deaths print related danger realizes uninteresting breaking speech gritty
mistakes previously struggling appreciated worthwhile abuse paint witness false changing recognize
rules killers priest junk walked imagery highlight sensitive creatures figures downright eight
storytelling reporter pulls combined accidentally occasional effectively erotic evening suspenseful
freedom required nude twisted reputation friendly experienced legend bore remotely forth colors
sympathy kinds account scenario regret narration offered directly till stays spends trapped
according reveal cant sorts welcome deeper trilogy performed haunted legendary slapstick fictional
belief format mildly dozen buddy skill winner haunting atrocious decades massive featured subtitles
scares anger crude passing proud significant delivery uncle wear figured crafted statement
unconvincing bothered placed river naturally complicated everywhere spite dollars status jobs
explains magical extras speed necessarily blown starred rough multiple hired stolen depiction crying
paying brave spy device buying breath originality portrait minds achieve provoking favorites indie
succeeds variety heavily spoiler wind intellectual tight focuses awards werewolf views stayed blah
inept vampires veteran idiot funnier faithful gross amazed teeth abandoned ludicrous answers
conversation sea task exact mature spoof choices extraordinary entertain disbelief suffer table
treasure blow hip stomach artists environment convey con mere critical security position bus greater
weekend flashback authentic lesbian desperately sitcom understood prior goofy listening
stereotypical closing kung settings destroyed pregnant theory facial screening expression minded
suck sounded murderer encounter touched renting interview prime campy helping description peace
extent cell praise examples timing native forgot throws balance prefer racist poignant carries basis
expert fu term lazy flawed tiny reminiscent gas sum raised titles birth handle packed determined
sisters dress criticism properly lights inspiration international gripping psycho throwing chilling
department quest crash tradition arrives criminals heck serve wears afternoon purely punch comical
ensemble introduction via happiness lie novels beloved regard replaced prepared base picks flow
thrilling drinking mask hat breathtaking musicals calling lonely caring exercise screenwriter
protect established frequently fairy productions warned aka universe halfway carried presentation
ignore sides deadly jail mindless obnoxious causes remote confusion intensity spoken headed wins
successfully enjoying sword interpretation sentimental essential mentally challenge reference
rolling embarrassed escapes stylish truck carrying seek served summary raise cynical regarding topic
delight everyday sinister gruesome sleazy exists rule sold bitter weapons jumps overcome enemy
refuses glimpse service franchise rights obsession text existent join adventures stops graphics
daughters risk arms credibility charge credible laid remind locked dogs cases attacked trite
performers tongue clips lesser courage bound cheese fabulous personalities raw guessing mountain
colorful urban ratings rival horrific attempting stupidity angle expressions ironic amazingly
suggests hole struggles sleeping ashamed tense succeed advantage upset imaginative learning un irony
alike workers marvelous interviews technique albeit innocence shape retarded seeking ghosts scream
suffered chief drives comedian revolves uncomfortable wishes cruel endearing greatly maker strangely
sheriff opened trick belongs express ourselves mass pool separate fallen broke enjoyment medical
larger metal attacks letting fashioned exceptional upper bag notable perform legs shines
controversial hoped neat proof dude warn wealthy wasting thousands dislike thrills charisma spin
thrillers slight profound connected amongst aliens initially happily adding sexuality driver chair
trial stunts arm weight darkness hint condition equal scripts develops guard physically lessons
forest meaningful terrifying patient spots manager striking dubbing tour alright tied grows
countries mansion hundreds tribute atmospheric nowadays chases entry spell grave searching plastic
lying consists nose racism tree aired idiotic inspiring represents sings competent intentions turkey
incoherent nd mob lovable terror hiding ambitious miscast cameos shorts object hang shoots fish
noted drink steps guilt saves protagonists annoyed hundred accepted eerie wave perfection
sophisticated contain wanna stealing basement worry troubled adapted gag tricks beach essence dramas
neighborhood tune increasingly melodramatic torn multi hitting madness revolution unforgettable card
ultra closely guts concerns achieved destruction concert per complaint shut gain contact tear
pointed importance shower dragged sends dinner underground robot mirror millions surrounding knife
homage teach ad specific hooked appearing hopefully covers flaw dollar em expensive carefully busy
segments infamous drags goal attraction rushed repetitive jungle assistant dialogs boredom
charismatic fitting messages month court knock crimes daily horses experiment chasing ripped
thousand unintentionally glass kicks split checking stunt dealt walls solve easier sexually
inevitable thirty countless appearances relevant hype fool gentle host requires reactions projects
techniques stronger painting believing beating demon fears directorial spiritual surrounded plague
pack holiday videos repeat riding fourth fortune colour oil crisis quote dare medium enter gift
string intention brilliance creation accomplished invisible blend attempted occurs battles elsewhere
admire neck handful dropped acceptable virus suspects demons enters mild nonetheless morality fianc
fest encounters hearts revealing insulting outrageous oddly associated attached stated toilet
stretch wreck tremendous network strictly horrendous stiff selling drivel farce wake eyed
photographed ticket fired technically disagree struck honor performing spending sons revelation
instantly cousin bridge homeless flight persona shadow conceived identify buried resolution forgive
useless importantly loser reasonably characterization captivating library disease tales slap briefly
allowing secretary evident corrupt threatening contract consequences spooky vague nuclear bucks
uninspired wondered scientists connect generous tv nine strip individuals superficial appalling
territory killings superbly curiosity sacrifice worker achievement draws reunion pleasantly sloppy
beaten letter push weapon stood kidnapped beings corner pushed dancer strike digital installment
commit flawless nation partly menacing fifteen pleased sun redemption talked distance slightest
breasts prevent rap worthless continued documentaries hunt raped ego aforementioned splendid hunting
rocks dignity tons listed hire titled lifetime bullets precious stranger broad overlooked professor
realise watches pulling investigation comics ignored dig sticks providing darker relative offering
opposed size health demands wonders distant attracted obscure estate response progress planning
exaggerated aimed uneven marks landscape subplot kiss elaborate birthday conventional daring genres
thick thoughtful burn jealous convoluted vacation popcorn resembles poverty wannabe competition shy
subsequent repeatedly frustrated boxing jerk explore triumph intrigue grim factory cared noise
spoiled miserably notorious outcome remaining butt unpleasant cardboard smoking logical lacked
formulaic reduced bears motivation pseudo devoid tea load returning misses cheek cabin chain generic
discussion tortured overdone ought extended throat imagined eccentric unsettling explicit accused
fancy dire creators ranks vivid elderly reasonable pro detailed neighbor scientific scripted arrive
clues strikes proceedings picking shirt flash sole reached poster minimal hence notably unbearable
engaged intrigued staged movements displays blockbuster coherent thrill dynamic press failing
subjects toy ingredients sadness timeless returned exposed glory suits intent chances pet antics
suited psychotic argument remarkably childish areas improved simplistic gradually piano critic
relies rd clumsy typically argue beer idiots complain receive cried enjoys highlights border
conspiracy jumping choreography harder magazine threat psychiatrist involvement hysterical root
composed constructed arrested population notion threw rid comfortable futuristic afterwards affected
differences inventive vicious sadistic absence snow unfolds aging website existed merit thankfully
screams incident selfish considerable noble commercials swear conversations burning trade
unintentional recognized slave internet occurred notes wing definite meat broadcast escaped
implausible mouse folk worried meaningless occur directs dear horrid murderous heroic consistently
ridiculously mixture loosely machines bathroom lab investigate shark groups symbolism ease guest
possibility adequate spirited bare brand lit explosion burned passes blows bat overwhelming
deliberately restaurant thumbs measure styles philosophy builds explosions editor photographer
horrors studios centered errors craft overrated contained clothing gotta row liking pretend juvenile
winds duo satisfied westerns secrets influenced damage abilities concerning souls journalist
unwatchable unbelievably explored beats odds freak tame presumably staying shelf resemblance bleak
rural blowing foul signs orders drawing benefit lifestyle lust catches cringe smooth smoke
philosophical distracting kitchen innovative riveting shine poetry poetic honesty alas careers
producing occasion corpse nearby succeeded sentence disjointed mistaken discovery crush liberal
devoted desperation trap cameras intimate react sport disturbed dancers wealth beast urge removed
pays banned parent crack primarily blatant frustration narrator celluloid shadows whereas league
discuss primary politically causing hates enormous worlds bold drunken wicked brains sincere shake
financial embarrassment scheme duty authority hatred impress kidding grandmother highest pitch
afford immensely currently shall defeat exotic stinker smaller silver endings dozens classes
recorded trees fatal endure miserable flop represent prostitute portion reaches offended doors web
subtlety coffee silence backdrop curse models sidekick travels painted ruthless grab faster tiresome
decisions houses awe shoes advance funeral newspaper racial exploration altogether introduces mill
inane buddies staff vast drops ha combat robots improve hideous cheating leg performer tracks
fetched grasp avoided dialogues block justify emphasis transformation explaining sappy official fond
audio tender describes dating delivering props buff interaction storm countryside trashy thugs
survival motives focusing engage severe complexity ears earned trio stellar backgrounds possessed
goodness bedroom scope developing involve wet buffs hook slick disappoint forms warmth superhero
planned hints nomination disc doomed senseless cliche enemies synopsis weakest bone sits nervous
possibilities tie represented companion practice lyrics undoubtedly aid concern outfit montage
depressed disappear glorious dedicated rank surfing guessed topless dreary claimed stereotype solely
relations spare tunes passionate choreographed treats faults settle loyal wont commented displayed
adorable ideal terrorist matches elegant beneath corruption flies confidence challenging farm
sounding lasted disappeared horrifying consistent rooms illogical equivalent potentially indulgent
swimming promised climactic mysteries spirits dentist cards tad valuable translation executive
motivations mountains isolated mate stress scores examination arrogant ignorant chased switch
warming link pride instant manipulative similarities provocative understated bullet thru creativity
loads amounts cup maintain simplicity kicked soccer wore nostalgic stale photos officers chest
corporate seventies toys plight finger polished humble traveling wrapped education bang thief
revolutionary downhill agrees ridden defend saga brutally contrary understandable wound pot
nostalgia stilted construction clown dinosaurs monkey blew slice filmmaking staring preview limits
forty eighties rat reflect reaching wished closest suitable artificial blank useful button dances
cats ya destroying heat specifically unhappy fooled agents taught user waited convincingly poem
purchase questionable satisfy catching hurts lengthy romp tall conflicts affect worn conservative
relation plant jazz shortly vaguely abysmal inferior pretending closed lively hardcore alcoholic
behave reads voiced depicts spread trained cheated desired secretly empathy wisdom arrived laws
gifted facing access guide inducing transfer beliefs pants vulnerable nurse conscious
cinematographer chaos visible awake tends incomprehensible proceeds mechanical capturing lowest
grief survived designs helicopter serving appreciation jumped homosexual remarks despair mile stole
boot guarantee wildly buildings eager catchy rage writes cliches alongside showcase masterful
couples nightmares kicking transition metaphor porno subplots trailers dub responsibility rush hop
joined bin gender copies abusive safety winter cleverly fix ties progresses exceptionally demented
generated witnessed blond resist chess spoke report bite unoriginal advise purchased celebrity
opportunities quotes messed sink closet realizing acid widow inappropriate letters lips wacky
frustrating coach matched recognition experiments floating fascinated relatives resources fighter
ensues menace lay punk illegal cure versus divorce engrossing icon wishing bargain mundane bonus
principal prisoners irrelevant educational viewings heartfelt sh recording affection advertising
defined domestic rendition jaw patience widely attitudes cake paranoia losers intentionally illness
twin careful seeks restored gangsters awfully cave hackneyed astonishing bath minimum misery roots
chooses en et armed integrity wrap crucial plausible pushing snake visits channels grandfather
yelling stretched amused namely resort advanced moody newly opinions underlying reflection robbery
incompetent frequent alternate classical compelled caliber vulgar sentiment bumbling bands rotten
phony survivors suspend excessive earnest distinct popularity angst arguably ear dimension bottle
lackluster literary species wrestling hilariously ambiguous masterpieces combine huh edgy
nonsensical enthusiasm civilization quietly borrowed witnesses ruins compassion travesty trademark
centers analysis method dinosaur performs package wandering troops doll eaten arrival flair parties
reel purposes photo silliness rises introduce passable comfort map patients methods greatness
equipment birds uplifting album conviction capital dreck absent objective blast definition promises
feminist counter legal belong terrorists dropping agreed literature vengeance merits smiling stinks
contest dressing online rubber calm rolled dysfunctional persons adaptations parallel pops showdown
marketing ham imitation suspicious interests yesterday choppy prequel surviving mentions unaware
lately hopeless biography unpredictable cities laughably loyalty nail mall command comparing sneak
resemble wholly harmless warrior waitress moronic expressed demand accompanied randomly shaky
directions greedy punishment straightforward kissing significance signed neighbors household
receives doubts activities muddled depicting fascination tag assigned respected depression
preposterous disguise assured wives rising correctly generations mentioning accuracy overacting dust
assumed bird alternative quit rocket inability attend troubles nuts tech charged pressure raises
adolescent absurdity psychic pun museum unreal wretched resulting exchange grabs celebration filling
miracle conditions spark brutality min maid teaching exposition dose wounded distribution senses
tonight shed improvement heartbreaking deceased businessman vibrant phrase confrontation function
favour rates balls shoulders require credited delicate musicians property loneliness precisely
devices stunned subjected admirable clip hippie demise solution unexpectedly ordered pan landing
milk spring suggested invented basketball emerges witches tacky unfair confess crazed unfold fluff
historically tribe primitive mafia conscience banal unit experimental circle remained companies
supported priceless assassin appropriately difficulties rats challenges imaginable immediate joins
respectively positively chills disliked fought greed understands expedition heartwarming glasses
shoddy tastes awhile ethnic checked controlled fantasies refused gut singers encourage peak creator
ish shared retired caricatures tripe desires chuckle fed destiny sketch handling derivative chicks
mayhem hungry cracking prey nephew pursuit complaints composer assault teaches simultaneously
challenged pleasing splatter wakes hears petty vein preachy inconsistent excess landscapes
misleading insightful coincidence unlikable discovering wilderness complaining accomplish exposure
stumbled abused invites infected nod alcohol gather rude rely ho sums conventions interactions
grotesque harm releases screens frightened operation replace pin weaknesses energetic stark
confident specially hokey amusement fishing sung females hopelessly biased outs inexplicably lands
noises psychology accepts dud remakes absorbing betrayal tasteless mankind shoulder deranged
mesmerizing outing weakness conveys overlong defense explores casual addicted pitiful realised
cattle automatically recommendation waves judging visited aspiring recycled attorney cancer haired
loaded rendered rejected dresses trail twelve aim counts ballet charms posters labor occasions
objects realm behold stages murdering lush rave riot roommate servant mode venture shares active
chapter ambition femme predecessor morbid secondary trend accessible historic pages respective hack
deaf visiting indication strangers option burst ape hyped billed insipid rebel barrel reluctant
ships fade backs selection invited outfits victory oriented lifeless shortcomings abrupt nails
dazzling modest praised musician referred connections grainy fifty inspire premiere refer regarded
agenda sympathize demonstrates global flashy sugar ingenious fingers behaviour receiving adopted
sentimentality nerd vital hammy youngest reflects disappears insurance threatens artsy deserted
masses strongest rifle skits frontal messy filler citizens satirical attract lifted anticipation
heist claustrophobic edit darn morally policeman severely heading predict bull insights tracking neo
firing guests sixties absorbed iconic static hunters prize misguided mentality portrayals acclaimed
startling vividly address prisoner obligatory glowing demanding difficulty forcing height
considerably campaign exceptions posted despicable thread unexplained roller electric clad gambling
unseen minus redeem comedians departure paintings inexplicable ignorance rounded destined teachers
insists uniformly feat presenting melting translated designer firm completed schlock spectacle
entitled subtly damaged route bitten guitar previews studying relentless gear shorter natured
cruelty stumbles recognizable cream lift seldom rhythm bike suitably firmly debate popping steady
offs accurately immature relax suspension butler drove emerge layers cheer phenomenon www wrenching
communicate edition guaranteed profanity promote knocked defeated deleted transformed hapless twins
steel naughty oldest investigating employed locals stores deserving gems uncut eats lip frames
representation similarly roof undeniably inherent partners conclude stopping terrified boxer dirt
seeming fathers prominent assassination prepare bread screwed inhabitants feed unrelated inevitably
masterfully whale punches limit square shouting befriends symbolic cartoonish glamorous repeating
banter publicity bent garden gimmick trials handles outright discussing underneath boasts http
exploring cope solo casts couch biting insanity acceptance additional nut industrial neurotic
offbeat formed restrained rewarding marries ocean asylum wanders agency unimaginative visions circus
earn keen slimy disgusted shaking blatantly overlook raising triangle devastating sharing exquisite
refuse meandering leather macho profession jealousy brooding tempted claiming lasting legacy remade
preferred threatened youthful stylized reader framed belt apes testament puppet shopping endlessly
millionaire spree hilarity goers swallow suggestion inspirational outdated hugely bitch thrilled
sorely peoples depending vain lone assuming babe smiles backwards consciousness stairs continually
sending mins coaster mistress realities duration rapist concepts setup mail programs screenwriters
wig reminder hides pit strengths vocal proving sooner depths deny differently boom organized physics
depends disguised achieves repulsive pale freaks newer rooting dubious coupled remove tops vice vile
commenting disastrous gal ladder exploits tip husbands intricate owes ton applaud plotting whats
housewife chorus surgery authenticity voted forgiven reliable net healthy delicious authorities
label approaches dont myth helpful shaped topics washed document mannerisms grounds crocodile
literal assembled gained sized hangs tossed windows demonstrate yellow confront maniac justified
activity photographs disgust landed mm flimsy neatly balanced entered belly info elevator unlikeable
records nerve contempt comparisons obtain supply improbable cerebral suburban expertly ripping
pathos cue camcorder weather advertised definitive akin sticking sleaze stare cliff coat partially
growth rapidly detract speeches weaker decidedly helpless lend combines mothers politician
limitations rope contribution repressed convinces perception skit underwear isolation descent
longing critique owners exploit fog affects someday miniseries swim crisp bombs undead enthusiastic
item dominated steam misfortune possess reward scratch natives breathing spies origin destructive
headache preparing artwork token mercy located seedy tank jarring factors nominations describing
homes wander compete injured unsure males abruptly hybrid sustain vehicles bones votes exterior
expects survives radical eventual dread dim insults unsuspecting refers scariest crashes monk
grateful fatale vastly masks peculiar computers lasts coup unsatisfying apply lighter expectation
motive unattractive incapable bulk fist overblown pal hires sincerely confronted caricature advised
schools containing poker bully heels dramatically corpses homosexuality dates convicted entirety
clueless destroys owned cliched leaders inaccurate goals colleagues relentlessly nerves chicken
entering bow error predictably foolish flashes delightfully institution disorder spine racing linear
mummy hyper respectable celebrated aggressive plodding referring approaching informed appeals narrow
slip swept glaring principals interact blacks minority resolved redundant buys disabled stunningly
classy airport disgrace cultures stardom colored invasion painter educated choosing lock tormented
bars stroke addict eternal fragile races fifties whiny decline affecting wounds implied breed
tremendously glued strings depict outline puppets published vintage sinking doctors fills enhanced
clock siblings astounding expense mixing packs stalking anticipated routines ensure fleshed
widescreen ve crossing pushes screw embrace generate tendency pedestrian promptly scored affairs
cries users theories wire servants yard span separated cinemas standout swing deliberate sublime
teams tax nightclub marvel statue courtroom diverse residents concentrate goods arguing poison
wardrobe wisely mirrors evolution centre collective cheaply alleged cents divorced psychopath drab
identical delighted ninja distract crosses motions define bashing guards answered beside defies
subtext ie doom sour suspected eternity comprehend collect buffalo mates sought conveyed regards
estranged realization ominous chopped sensible niece colours arguments commitment noticeable turmoil
brainless numbing studies dealer drinks region characteristics expose promoted demonic origins
obsessive crashing uniform owns nuanced nuances invention experiencing pray attacking excellently
seductive tapes likewise contribute turd tolerable immense policy accounts stranded selected pattern
dismal ghetto remembering accepting passengers adore eleven excruciatingly debt approached sucker
obstacles shades copied dashing begging traits unusually knocks resulted strict pause remembers
rescued consideration hers cleaning observations dilemma sarcastic mighty crippled creep fluid tool
habit budgets settled jaded optimistic cemetery enhance quarter sometime judged establish sources
clone controversy skinny pursue continuing sickening morals longest shockingly exploitative bug
murky acquired wielding admired ambiguity underworld reports substantial babies parallels swearing
backed esquire mystical hateful distraction unsympathetic rainy skull escaping respects peaceful
satisfaction climb puzzle momentum characterizations dump switched freaky addiction contributed
feeding nemesis kidnapping tooth parade truths romances inmates dynamics adaption produces hoot
alter possession weary demonstrated underwater arrest attending tail enigmatic trace stream themed
anthology seasoned abandon indifferent slide mouthed whining mythology establishment shootout
rambling borders meal orange hung pad breakdown rebellious incorrect excruciating sided yours
internal canceled paints readily economic suggesting rides auto damned possesses updated posing
ambitions compliment conveniently havoc scarecrow seats circles taped wastes monologue yarn
neglected shifts skilled instincts furniture rampage explodes informative lol controlling filthy
verbal aiming mutual bittersweet slaughter intact judgment deliciously lavish lends poses snakes
feeble qualify insomnia sale exploited chaotic phones immigrant centuries encountered cannibal rapid
commits symbol void readers profile puppy aided smug mute feminine subway ordeal capacity pressed
phenomenal horny mouths tuned slaves admitted offend evidently slapped crossed intentional ritual
talky establishing survivor tactics therapy reviewing legitimate squad elite pocket determination
maintains blooded immortal tickets macabre missile phase pound releasing begs starters norm sleeps
statements dumped noteworthy insist regularly instances exit covering discussed stance mannered
reverse smash viewpoint fields elephant pleasures assignment mysteriously sells thirties brow
executives explosive clash olds psyche snuff distracted upside newcomer populated rewarded clerk
tourist lunch grass wider mayor playful pirate awareness swinging arty detectives excuses fanatic
beg toned sentences aftermath anxious sincerity whimsical surroundings resembling introducing quasi
scripting farmer contestants corn gloomy afterward intensely lurking indicate glossy benefits
artistry employee glimpses freaking payoff reviewed followers consist composition monotonous session
attended wheelchair prejudice coma moron rejects bounty evokes tones products parking salesman
arranged campus observation unanswered rehash rear likeable psychologist shift sights taut
denouement fifth dismiss biopic alert flowers destination funding stalked criticize clunky vapid
wash furious kidnap traffic harrowing translate shell relevance morons daytime rational depictions
wiped warns volume candidate targeted foil agony passage vomit frozen novelty chuckles horrified
flavor epics stabbed mock pursued avoiding inclusion clarity consequence uncanny sufficient
participants fright boundaries precise abound paranoid scenarios realistically frantic breast apt
pointing virtual relating champion mentor exploding begun worms cooking screwball sand grabbed
deciding dumbest rips forties existing periods downs inaccuracies replies resistance embarrassingly
predecessors applies overbearing bowl spice blamed strung altered vignettes handicapped drowned
sensual daylight stating flames extensive distinctive schedule necessity fuzzy roughly playwright
chew carnage cycle layered edges pivotal narrated varied landmark exclusively traps incidents
enchanting villainous thieves medicine items glance avoids shocks raunchy meantime ample suspicion
pains lens eagerly stake hinted audition relying popped clan dreamy graveyard questioning observe
gaps sarcasm wings smell aesthetic avid manipulation injury invite ranch resolve wholesome wine
implies overs forgetting stink substitute burnt confined rounds arc shoe misunderstood upcoming
linked mutant entrance pose axe occult unconventional boiled originals diversity cookie valid
stumble variation unclear unstable caper trauma midst fierce medieval nightmarish unfamiliar
stirring bosses devotion studied quantum shred haunt pen imagining robbers outlandish reminding
safely hostage psychedelic antagonist nauseating stuffed bubble ignores pilots rendering gigantic
shameless marked yawn lunatic wartime arriving launch displaying gap pornography explode sweat
communication pans invested stabbing ruining seduce cap applied uniforms cheerful papers addressed
bearing pounds forgets hooker evoke sinks reflected hats foremost convict serials fundamental
festivals bias array gestures fart fuel sketches resume plate revolving complications relaxed filth
amidst salt thrust lightning melancholy pretends widowed uneasy trivial feast intro legends deer
murderers inadvertently bikini hippies trains versa sunk ripoff cigarette license apocalyptic
motorcycle alot structured jacket unfolding characterisation preaching joking tire detached
traditions overwrought acknowledge tunnel admission pitched planes abortion comeback interpretations
fable progressed visceral commendable targets creations titular finishes unappealing constraints
hysterically hum uncertain characteristic enduring tightly repeats favourites rousing entries bust
rightly cab grating inter interviewed keys reunite veterans excels principle grip deemed espionage
um bats biker divine factual grin sunny abundance chewing blockbusters mobile beard gentleman
deepest customers flashing nun letdown understatement nations abstract finishing tho girlfriends
crushed incest mediocrity herd motivated nutshell interrupted faux obscurity imaginary thereby
showcases compensate admits alley chops anytime deed charges breathe ignoring somethings protest wax
considers verge colleague courtesy witnessing penned slower weirdness investigator slavery geek cow
redneck distress sanity shotgun flows revival announced potent upbeat senior realises mice
enormously trivia faded yell fabric sexist controls skeptical brat richly similarity participate
convenient prop criticized reserved interior arrogance coke assure biblical spit hardened quirks
captivated politicians ideals magically infinitely stalker underdeveloped strained ins recover
scratching climbing unnatural counting buzz magician dragging tomorrow minister incestuous laying
climatic conclusions believability famed observed assumes novelist dominate slashers sensational
fades stereotyped flip sane scheming foundation celebrities perverted fascist witchcraft severed
scattered casino effortlessly update awry unnerving enthralling excellence sensibilities coffin
fortunate fetish comparable demeanor oblivious openly deeds caretaker mixes occupied services
switching hating cheering temper pairing sober conveying paths leap despise sucking quintessential
forgiveness article denying achievements se commanding genie pornographic woefully semblance plug
camping brush spaceship baddies lurid sensibility undercover lighthearted wheel idealistic jury
perverse professionals needing whites mortal remark inserted counterparts butcher ghastly fraud
accompanying trigger overtones pursuing remainder liner sales protective diner quaint earliest prone
slugs cynicism flame degrees progression rebels stations accidental plotted gently rivals flag
padding tools collar darkly summed cohesive respond tasty taboo exhilarating coolest borrows robotic
manic sensitivity goings conflicted budding derived distributed faint searched er listened
unnecessarily asset turtle spotlight kiddie traumatic spiral sophistication awaiting abomination
overshadowed reluctantly mud annoy drowning submarine masked influences ensue inconsistencies intend
monks laden inclined testing highway awakening cells sitcoms cancelled dumber reject functions polar
solved assistance rampant robbed sins adapt deadpan platform circa committing hostile vibe
convention protection upstairs fashions irritated cocaine contestant lingering betrayed sporting
admirer fodder cracks defining confines doses badness ghostly gathering profoundly shameful fewer
heap slim confuse lifts hypnotic baked parrot spoiling henchmen desk failures homicidal werewolves
meteor restraint urgency transforms permanent ambiance depend curiously complained automatic
perspectives censorship investment choir insert atrocity hunted virtue screenplays earns
developments sack defending meditation offense celebrate battling socially managing practical
inhabit incidental tolerance saloon pompous predictability overboard shrill warehouse avenge ala
tits examine filmography closure flowing impending sections transparent sheep slut engine karate
transport beforehand cameraman lean drift prank notices fairness seriousness parodies screened
kindly theatres maximum rolls bout tended mocking numbingly manners fires radiation tower
spontaneous extraordinarily duel serum discipline timed crashed impeccable dopey billing terrorism
wrestler proportions lightweight sweeping qualifies limp snowman irresistible happenings sailor
suave prostitutes economy subsequently fence admiration virtues regime entertains deftly classmates
witless collapse outset informs padded officially spelled shamelessly tackle wherever vanity
independence elected stretches fiery impressions prologue distinction whore intelligently messing
miraculously secure client principles tacked manipulated criticisms conduct peril babes powered
weekly facility improvised tedium determine ads tolerate clouds bio varying salvage flamboyant disco
acclaim inexperienced programming sickness ruled encouraged witted staging ravishing stab cons
carpet yearning sites sibling framing portions organization unravel sensation divided knees
annoyance laboratory placement hometown transplant experts optimism concentration worrying stoned
boots raid blames register epitome owe shirts uptight associate outrageously interplay reported
collaboration soup muted retro prostitution boobs sang hopeful subversive programme magazines
analyze ants warrant policemen es transcends bachelor rivalry influential fleeting thereof peers
idiocy torturing joining irrational garage labeled worship sacrifices courageous freeze laced
truthful crowded bald spaghetti cringing disregard paycheck smarter aircraft fulfilling yells spoofs
alarm noting bitchy rant rebellion superfluous disappoints mum midget file signature reasoning
flower shifting consumed representing borrow groundbreaking significantly needlessly ongoing
drawings lethal diving orphan awarded crass spinning mustache gravity accomplishment injustice
switches hairy downbeat finely maintaining scarier butchered torment nonexistent hallucinations
moderately astonishingly click bartender employees clumsily replacement resonance justification
ninety egg cowardly satisfactory casted salvation awfulness gangs combining vigilante responds
decency efficient gallery jewelry cunning plagued lyrical transported locales gruff amid sly symbols
digging advances networks hi existential stadium refreshingly lays identified ratio glow adultery
armor nuance officials kidnaps bimbo categories drain standpoint supermarket distorted emphasize
dedication lists wry fixed thirds madman judgement imitate arrow slash nearest bloodshed pub
retirement fiasco willingly locate dreaming alternately contributes adequately shelter shattering
uninspiring anguish shout youngsters healing foreboding systems sparks bombed athletic breakthrough
increase locale colony conception slept fulfill dish spells photograph inform winners believer
paragraph henchman mythical dive coal maturity boards presume shoved genetic surround nifty
correctness fighters ceiling intellectually fuss whip voyage goat increasing mega reckless brides
distinctly tricked luxury expanded volumes engineer crooks reunited convent steaming condemned
ranging playboy bearable motel overtly pulse grossly behaving recipe burial vet backdrops baddie
jerky profit calculated succession wrongly chock patriotic subdued identities nerdy tables stabs
lightly eh opposition penalty confession distinguished leaps breakfast dictator architecture bothers
cgi helmet prolonged raging illusion infidelity drastically climate gorilla proceed mindset laser
poignancy stricken snappy waking creepiness confirmed launched explanations frat roads towns
expresses deck worm predicted captive authors encourages robbing grisly stares somber amuse
violently alienation icy gathered imply premiered condescending manipulate adventurous spotted
rotting drugged joint attendant operate rhyme moviegoers thug intellect conniving unleashed
compromise icons promoting shelves imdb allegory echoes supreme continuously paired trusted
psychologically compassionate strain drummer vulnerability elevate echo woven scriptwriter behalf
slips immigrants uncredited prolific penis beers relaxing replacing sore insanely abroad aboard
airing splitting stepmother friendships supportive monologues placing heartless representative
crooked operating appalled smoothly imprisoned bills gasp percent prefers knocking marred juice fur
bullies shocker confronts chill cheesiness sync shiny upbringing chronicles mold herrings steer
protecting liberties retelling jewel boost bursts slaughtered loner innuendo throats righteous
illustrate capitalism fools ing graduate stripper giggle civilians bleeding stylistic muscle cheat
relates counterpart endeavor snap ponder unwilling dangers puzzled prejudices examined drum
transitions chemical unconscious stimulating simpler widower marrying enhances shady defy giants
aura cloth ceremony rockets irresponsible evocative admirably notions lovingly blessed amoral
retrieve cursed aspirations cinematographic infectious poet threads gusto concentrates que scandal
autobiography clinic purse lawn inhabited slack cheaper brick disdain razor zoom dreadfully hurry
oppressive oblivion supports bogus perceived electricity priests induced pour weaves rack comprised
passions toe heir passive bothering misfire marijuana squeeze prevents watered languages episodic
sparse brunette sophomoric annoyingly bonding illustrates meanings fairytale cloak happier
understandably gays borderline watcher dodgy alcoholism sessions shadowy overwhelmed proudly pizza
toss poke exceedingly puzzling animations fleeing sorrow deception recurring pals auteur stature
compositions expressing converted documents sniper cocky dense insignificant artistically bombing
guardian concludes traveled reruns frog rests discernible applause intentioned frenetic blackmail
tensions exudes equals aims rigid lure preferably soulless missions voodoo practices virginity
coverage subtitled pistol kindness diary handy glee electronic attributes sailors recalls rookie
hunky pretension ostensibly relied sordid casually steamy vaudeville chamber cannibals crawl mutants
expand bloke edits capsule recreate forgivable thematic notwithstanding undeveloped stepped behaves
stern pokes saddest caution mockery rapes misplaced tasks stalks disappearing dime grounded nineties
retread smarmy tasteful assortment throne shtick opener lesbians premises pigs golf academic
associates skipping kinky tested continuous recovering limbs flipping concentrated surgeon todays
censors plants attic versatile neglect melt inspires engagement curtain animators prevalent trendy
camps elephants subtleties rehearsal emptiness evolved jam incarnation enjoyably excesses addresses
mobster tepid ninjas lecture thereafter arch spaces confronting amok brink corporation unemployed
custody imitating suggestive deservedly largest elder architect joyous zany measured mandatory
disasters climbs feared opponents dental guided boxes manga backwoods revelations des anonymous
retain outlaw gimmicks unimpressive stupidest turgid peek cocktail freaked dripping rugged confirms
incompetence continent hesitate retains monstrous funky empathize anxiety exhausted slug bonds
speechless spectacularly insecure du streak fanatics spliced embarrass welcomed shenanigans
eponymous undeniable unremarkable revolting boyfriends rewrite employ throwaway spitting treating
wondrous bastard render lap draft connecting proverbial counted mechanic exaggeration apologize
employs waving slows amiable ponderous requisite rogue hardest demographic gamut chat promotion
perceive discussions submit winded apartments stumbling revive integrated dvd coarse lump knack
grandeur sentiments tourists participation gifts pauses adopt denial interpret loop inherited
classified roommates planted techno undertones exposes knives contemplate heritage grain variations
flee exposing hug nailed denied sharks dealers defines unfinished sweetness baffling operatic
downtown voting immersed illustrated regain escapist wits uniquely temporary stubborn stable
monumental emerged coincidences mercilessly botched weirdo deputy documented backing giggles darkest
intestines betrays usage wee illiterate verdict overacts hurting mischievous arbitrary texture
hustler raving locks maudlin repellent spectrum shack duties psychiatric edged bravery societal
bathing stoic gosh whacked indulge billion scantily sacrificing collecting montages surpasses
punchline footsteps stereotyping branch organs sacrificed pond grandma district thankful historians
garnered endured bites addressing listing indifference fireworks request mutated renowned achieving
capitalize mercifully shouts regrets drivers interiors catastrophe eliminate tenderness sheet
candidates slipped positions rushes inflicted villagers allegedly loony richer niche ounce phrases
consisted stepping groan heroin honorable overt eagle overseas confirm misogynistic technological
expressive management assist choreographer aimless tempered supporters temptation wipe inch burden
delve baffled neutral outta toxic palpable disappearance elegance grips vengeful allies reception
intimacy competently timely sleeper acknowledged esque schemes mastermind dash conductor unfaithful
mining desolate familiarity customs mismatched dreamed insisted gesture strangest surrounds plods
recreation companions textbook chore parable skimpy pets outrage prospect restless praying obscene
spawned smitten bumps partial instruments chop universally sardonic underused sleepy supplies
presumed operas societies daft stalk puns elementary bleed slam surrogate implications didnt
rightfully bash backyard plotline disgruntled loathing bodyguard transform risks goer pianist creeps
ethics shrink solving orgy inconsequential suspended prehistoric balloon cleaner wallet inherently
travelling crop reeks thumb quarters expertise booze lifelong scarcely occurring stripped digs
thinly traumatized ilk bucket drained retrospect smallest separation chains distasteful practicing
reincarnation erratic unlucky unbearably gaining teamed awkwardly runaway telegraphed vacuous
exhibit perfected prevented tanks superiors serviceable snippets unnamed glorified downward
sentenced revolt albums inviting diversion masturbation aristocrat topped attributed subconscious
superstar marital inject farcical data jock swords democracy indicates toes mines na reportedly
crummy fondness eliminated blink extremes answering compound ensuing contacts colourful worldwide
cyborg mans fantastically entertainer affections dares projection impressively declares candle avant
marvellous atrocities interpreted blends inheritance staple breezy matching owning bags deformed
distinguish bum voters redeemed blurred lent fisted crowds untrue decapitated canned canon approved
shakes emerging washing putrid flock poo devastated blinded tricky hunk yourselves pic pursues
scenic measures motif childlike ideology keyboard theirs pros kisses stretching bury competing skies
opponent formidable successes sickly grabbing hardships crushing eroticism raping muster marathon
commands awakens sterile preserved orchestral liberty insulted cleverness patterns complains circuit
chapters bullying esteem researched ranges allusions interminable goo housing tighter detracts
satanic brash tease noticing enthralled budgeted demonstration float secluded cousins skinned
pronounced elusive spreading iceberg upsetting stakes warden bickering declared heal rooted
predicament jumbo overweight droll geeky maniacal ck trappings canvas indulgence orphanage
culminating integral gadgets heavens hosts strikingly intrusive fluffy prototype caf impersonation
surpassed hindsight polite longtime spoon frenzy mourning effortless aplomb palm adapting connects
grieving recommending flea wheels haphazard invest sweetheart transferred approximately rarity
graceful shootings smuggling mole unfairly jolly gladly skillfully unsuccessful email adored
powerfully marvelously maintained tomb croc consciously diabolical liquor oddball framework blessing
qualified grandparents warped plantation apologies stupidly ate islands goof chip notoriety abducted
minions seduced evolve beef lions marriages clubs intends summarize forwarding differ administration
approval preacher loudly townspeople graces sorta restore cues fulfilled utilized penchant downfall
announces goodbye celebrating lawyers verve offspring rocker cent discount punished amusingly
recruits dwarf holidays instructor keeper accompany ranting pinnacle astonished talentless wraps
articulate unfocused boyish resorting instrument worries monstrosity humiliation menu circumstance
grandson threats aimlessly skipped departments amateurs filter monotone warnings millennium
coherence spray remorse bets projected recognise naturalistic offerings joys furry sexes monitor
slob dope metaphors renders enlightened surrender invent profits insects craziness astute
distributors acquire superlative astronaut rewind uber pretensions balcony options provoke aptly
mash brawl devious slapping participating interspersed assembly resourceful prints ripe outlook
contrasting actuality afloat hesitation digress struggled poking searches resurrected freely
backstage buttons masquerading respectful astronauts visitors shapes therapist stalwart downside
transvestite sap geisha chimney complexities boarding literate carnival surrealism woke
magnificently contend outcast mon surfers closeups chocolate futile annoys clunker spouse shoestring
overused funds bursting rub goofs writings disservice satellite slew aristocratic wildlife arcs
plausibility guarded bathtub altering download graphically leaden declare madly organ scaring
shambles proclaimed historian roaring ably metaphysical careless competitive overcomes links ringing
consistency scriptwriters greats stud gym planets dug alluring narcissistic prestigious stunk
misfits geniuses bump settles dung lured environmental noses corridors scam continuation outdoor
throwback advertisement muddy organic apple librarian incessant replay saccharine starving
tragically complement monastery adept uncover bouncing foreground software outsider wherein lizard
stray incorporate gum screamed glamour recognised risky unsatisfied garde repertoire runtime
ballroom smack atop gaze feisty aggression savvy crook collector classroom adulthood bores tissue
untalented opposing traitor featurette legged pouring overnight fruit guise imposed construct
registered consisting compromised applauded fulfillment habits avalanche disability moods compares
dimensions vault sprinkled halt pranks speaker colonial sacred dusty idealism tow lowered bless
theft jerks trifle posed wiser precision singular sigh janitor innovation humiliated chiller
materials homework tackles censored escapism brisk tragedies freshness commentaries dignified
pressures exquisitely conquer fencing invariably observing formerly miracles positives sneaking
output downer heyday preparation luscious drums blurry straw hiring shook excrement formal orchestra
grader simplest prophetic visitor masculine assumption staircase resembled eyebrows implication
intertwined reels marginally uneducated busted irreverent comically costuming hottest yacht
unforgivable cursing checks drown warfare schtick stir rabid unwittingly screwing signal adrenaline
fathom degrading twisting coping stitches videotape torch hypocrisy myriad toll fated contemplating
operates dramatized scarecrows juicy recovered damsel swamp tearing hysteria enticing saturated
judges financially infested triumphs humiliating promotional staggering apartheid appetite duh
disconnected conceit residence sans perversion muscular forum
"""

COMMON_WORDS: frozenset[str] = frozenset(_WORDS.split())
