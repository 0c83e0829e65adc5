"""English crisis vocabulary (data in the shape of ``vocabulary.py``).

Patterns are plain-spelling regular expressions over chat tokens: contractions are already
opened ("do not", "i am"), doubled letters squashed, text speak expanded. ``<<name>>`` is
replaced by the fragment of that name. Comments say why a word is in or out.
"""

from __future__ import annotations

from bot.domain.crisis.vocabulary import Category, Combination, Phrase, Vocabulary

C = Category

FRAGMENTS: dict[str, str] = {
    # "die", unless a figurative tail follows ("die of embarrassment", "die on this hill").
    "die": (
        r"die(?! (?:of|from) (?:embarrassment|shame|cringe|laughter|laughing|awkwardness|"
        r"boredom|curiosity|jealousy|cuteness)| laughing| on (?:this|that|the|a) hill"
        r"| a little| inside| for| on(?: \.|$))"
    ),
    "want_to": (
        r"(?:really |just |honestly |kind of |so |literally |actually |seriously )?"
        r"(?:want|need|wish|would like) to"
    ),
    # suicide, sucide, suiside, suicde, suicidal, suicidial ...
    "suicide": r"su(?:i|ie)?(?:c|s|cs|sc)i?d(?:e|es|al|ally|ality|ial)?",
    "myself": r"(?:myself|my self|me self|my own self)",
    # What follows "cut/hurt/burn myself" in accidents and idioms.
    "benign_after": (
        r"(?! (?:shaving|cooking|chopping|slicing|at|on|in|while|during|playing|lifting|"
        r"running|falling|by accident|accidentally|training|slightly|a bit|a little|badly at|"
        r"laughing|doing|some slack|slack|a break|off|with (?:the|a) (?:knife|paper|iron|pan|"
        r"kettle|oven|stove))(?!\S))"
    ),
    # Intent or planning: with a harmful act beside it, it makes a means personal. The
    # future tense alone does not ("I'm going to take my meds after dinner").
    "intent": (
        r"(?:going to|want to|wanting to|planning (?:to|on)|plan to|thinking (?:about|of)|"
        r"think about|ready to|about to|decided to|made up my mind|keep thinking|considering|"
        r"tempted to|urge to|urges to|need to|will|gonna|could just|should just|"
        r"(?:keep|kept) (?:picturing|imagining|staring at|looking at))"
    ),
    # What one does to oneself with a means: the other half of ``means_with_intent``.
    "act": (
        r"(?:jump|step|leap|fall)\w*(?: (?:out|right|straight))?"
        r"(?: (?:of|from|into|onto|in front|under|over))?|throw\w* myself|"
        # Walking or driving is only an act towards something: "walk into", not "walk over".
        r"(?:walk|drive|drove|swerve|steer)\w*(?: \w+){0,2} (?:(?:out|right|straight) )?"
        r"(?:into|onto|of|in front|over the (?:edge|side))|"
        r"(?:swalow|overdose|od|drown|hang|shoot)\w*|"
        r"(?:take|taking|took) (?:them al|it al|al of (?:them|it)|every|the lot|a handful|"
        r"too many|loads)|"
        r"(?:use|using) (?:it|them|this|that|the \w+|my \w+)|do it|end it|go dep|"
        r"let\w* go|(?:put|puting) it to my head|pul\w* the trigger"
    ),
    # Needs no intent word: the means is already turned on oneself.
    "self_directed": (
        r"on myself|kill myself|what (?:it is|they are) for|to end it|to end my life|"
        r"enough to (?:die|end it|kil me|not wake up|do it)|(?:to|so i) (?:not|never|do not|wil "
        r"not) wake up"
    ),
    # "after I'm gone": the time a farewell is written for.
    "after_me": (
        r"(?:after|when|once|for when) i (?:am|m) (?:gone|dead|"
        r"not (?:here|around)(?= \.|$| any ?more))|"
        r"after i (?:die|am dead|kil myself|end it|go(?= \.|$))|"
        r"(?:for )?afterwards?(?= \.|$)|for after(?= \.|$| i)"
    ),
    "document": (
        r"notes?|leters?|videos?|mesages?|paswords|pins?|instructions|wil|lists?|recordings?|"
        r"voice ?notes?|cards?|emails?|texts?"
    ),
    "covert": (
        r"(?:when|once|while|as soon as) (?:everyone|everybody|they|no one|my \w+) "
        r"(?:is|are|am|s|goes|go|leaves|leave|falls|fal|gets|get)(?: \w+){0,2} "
        r"(?:asleep|to sleep|to bed|out|gone|away|home|at work|for work|to work)|"
        r"when no one is (?:home|around)|"
        r"exactly how|how and when|nobody wil stop me"
    ),
    # Means and places, named as things (the intent half makes them self-directed).
    "means": (
        r"(?:sleeping |my |the |some |al (?:my |the )?)?(?:pills|pil|tablets|meds|medication|"
        r"paracetamol|tylenol|ibuprofen|insulin|antidepressants|painkillers)|rope|noose|"
        r"(?:a |my \w+ |my |the )?(?:gun|pistol|rifle|shotgun)|blade|razor|razors|knife|"
        # A place is a noun here, with its article ("bridge the gap" is not a bridge).
        r"(?:the|a|that|this|my|our|of|from|on) (?:\w+ )?(?:bridge|roof|rooftop|ledge|cliff|"
        r"tracks|railway|motorway|highway|overpass|parking garage|car park|dam)|"
        r"(?:the |a )?(?:edge of (?:the|a) platform|platform edge)|"
        r"in front of (?:a|the|an)(?: \w+)? (?:train|bus|car|truck|lorry)|into (?:the )?"
        r"(?:traffic|river|sea|lake|water|ocean)|overdose|drown \w*|hang \w*"
    ),
    "alcohol": r"vodka|whisk(?:e)?y|wine|alcohol|booze|beer|gin|rum|tequila|liquor",
    "jump": r"(?:jump|jumping|jumped|step|stepping|throw \w+|leap|leaping|fall|falling)",
    "place": (
        r"(?:a|the|that|my|this)(?: \w+)? (?:bridge|roof|rooftop|building|ledge|cliff|balcony|"
        r"tower|parking garage|car park|multi storey|overpass|skyscraper|dam)"
    ),
    "lethal": (
        r"painless|lethal|fatal|deadly|"
        r"(?:quickest|easiest|fastest|quick|surest) (?:way|method)s?(?= \.|$| to (?:die|end|"
        r"do it|go|kil))|"
        r"ways? to (?:die|kil \w+|end (?:it|my life)|do it)|bleed out|would it take|"
        # "methods" as the thing looked up, not "study methods" or "methods for asking".
        r"(?:(?<=ing )|(?<=ed )|(?<=research )|(?<=into )|(?<=up )|(?<=about )|(?<=for )|"
        r"(?<=on ))(?:diferent |some |the |al the )?"
        r"methods?(?! (?:to|for|of|in) (?!die|dying|suicide|end|kil|do it))|"
        r"how deep|so i can (?:die|drown|do it|end it)|"
        r"(?:how|what) (?:high|much|many)\b.*?(?:would|to) (?:kil|be fatal|be lethal|die)|"
        # A height as a threshold, not "how high the Eiffel tower is".
        r"how (?:high|tal) (?:\w+ ){0,3}(?:neds? to be|needs to be|has to be|is enough)|"
        r"high enough|which floor|what floor|(?:not |never )?survive (?:a|the) "
        r"(?:fal|jump|drop)|survivable|overdose|od|hanging|die quickly|not hurt"
    ),
    "research": (
        r"(?:look\w* (?:up|into)|lokin|googl\w*|search\w*|read\w* (?:about|up)|research\w*|"
        r"find out|trying to find|asked (?:chatgpt|ai|google))"
    ),
    "time": (
        r"tonights?|tomorrows?|this (?:weekend|week|friday|saturday|sunday|month)|on "
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|after (?:my|the) \w+|"
        r"the date(?! of| for| with| night)|"
        r"when (?:everyone|they|no one|my \w+) (?:is|are|am) (?:asleep|out|gone|away|home)|"
        r"once (?:everyone|they|my \w+) (?:is|are) (?:asleep|out|gone|away)|by (?:monday|"
        r"friday|the weekend|next week)|exactly how|how and when|soon"
    ),
    "final_act": (
        r"(?:end|ending) (?:it al|it(?! al)|things)(?! with| betwen)|end everything|"
        r"go through with it|going through with it|doing it|"
        r"(?:planed|sorted|arranged|organised) everything|be the end for me|"
        r"it is happening|be gone|kil myself|take my life|"
        r"(?:the|a) date(?= \.|$|,| is (?:set|chosen|picked|fixed))|"
        r"(?:it is|everything is|its) al (?:planed|worked) out"
    ),
}

NEGATION = (
    # "no" the noun ("got a no", "she said no") is what this product is about, not a negation.
    r"(?:not|never|no longer|(?<!a )(?<!the )(?<!said )(?<!says )(?<!got )(?<!heard )"
    r"(?<!another )(?<!first )no|zero|without)"
    r"(?: (?:really|actually|at all|even|ever|currently|remotely|that|too|so|as|feeling|feel|"
    r"felt|being|be|been|going to|planning to|want to|wanting to|thinking of|thinking about|"
    r"about to|trying to|particularly|any|more|have|had|done|do|did)){0,3}"
)
INTENSIFIER = r"(?:never|not ever) (?:been|felt) (?:so|this|more|as)"
# Deliberately absent: "literally" and "not to be dramatic", which preface sincere words.
FIGURATIVE = (
    r"lol\w*|lmf?ao\w*|rofl\w*|a?(?:ha){2,}h?|he(?:he)+|heh|jk|just kidding|kidding|joking|"
    r"xd|😂|🤣|😅|😆|😹|😜|🤪|😄|😁|🙃|🙂|💀|☠|"
    r"embarrass\w*|awkward\w*|cringe\w*|cringy|mortif\w*|humiliat\w*|blush\w*|of shame|"
    r"felt like|feels like|like (?:a|an)|it went fine|went well|survived|(?:it is|it was|was) fine|"
    r"when (?:she|he|they|\w+) (?:said|says) no|when (?:she|he|they) laughed"
)

PHRASES: dict[Category, tuple[Phrase, ...]] = {
    C.EXPLICIT_INTENT: (
        # The word and its misspellings; "social/career suicide" and the film are idioms.
        Phrase(
            "suicide_word",
            r"(?<!social )(?<!career )(?<!political )(?:<<suicide>>)"
            r"(?! squad| prevention| awarenes| statistics| rates?(?!\S))",
        ),
        Phrase("unalive", r"un ?aliv\w*|sewer ?slide\w*"),
        # Not "almost killed myself on the stairs", "killing myself laughing / at work".
        Phrase(
            "kill_myself",
            r"(?<!almost )(?<!nearly )(?:kil|kiling|kilin|kiled|kils|end|ending) "
            r"<<myself>>(?! laughing| at work| at the gym| over| trying| to (?:get|make|finish))",
        ),
        # Chat shorthands: "kms", "ctb" (catch the bus); "off myself" after a verb of intent
        # (squashed to "of myself", so not "proud of myself").
        Phrase(
            "kms_kys",
            r"kms|kys|kmys|ctb|"
            r"(?:going to|gonna|want to|wanna|wil|il|might|could|should|about to|thinking "
            r"(?:about|of)|urge to)(?: just| actualy| realy)? (?:of|ofing) <<myself>>|"
            r"ofing <<myself>>",
        ),
        Phrase(
            "end_my_life",
            r"(?:end|ending|ended|take|taking|took) (?:my|my own) (?:life|existence)|"
            # "before I do something to myself": the act unnamed, the target oneself.
            r"do something (?:to <<myself>>|drastic|i can not take back)|"
            r"(?:end|ending) (?:it al|everything|things|it for good)(?! with| on)|"
            r"(?:(?:want|wanting|going|ready|planning|plan) to end|(?:feel like|thinking of|"
            r"thinking about|considering) ending) it(?: al)?(?: now| tonight| today)?"
            r"(?! with| there| here| early| before| after| by| soon| on)|"
            r"going to end it(?= \.|$|,| i mean)|"
            r"want (?:it al|everything|my life|life) to (?:end|stop|be over)|"
            r"stop being alive",
        ),
        Phrase(
            "want_to_die",
            r"<<want_to>> <<die>>|(?:wanting|ready|deserve|deserving) to <<die>>|"
            r"want to be dead|(?:tonight|today) i want to <<die>>|"
            # "commit" with nothing after it is the algospeak for suicide.
            r"<<want_to>> commit(?= \.|$| tonight| today| soon)|"
            r"(?:welcome|embrace|long for|ready for|pray for|beg\w* for) death(?! (?:metal|star))",
        ),
        # "rather die than sing karaoke" compares: hyperbole, not a wish.
        Phrase("rather_die", r"rather (?:<<die>>|be dead)(?! than)", weak=True),
        Phrase("kill_me", r"(?:just|someone|somebody|please|god) kil me|kil me now", weak=True),
    ),
    C.PASSIVE_IDEATION: (
        Phrase(
            "wish_dead",
            r"(?:hope|wish|pray) i (?:would |could |just )?<<die>>|better off dead|"
            r"wish\w* (?:i was|i were|i had|i would|i just was|i just were) (?:not alive|not here|"
            r"dead|gone|never "
            r"born|not born|never been born|not been born|never existed)|"
            r"wish i (?:could|would) (?:just )?(?:stop existing|not exist|disappear forever|"
            r"not wake up|sleep forever|cease to exist)|"
            r"(?:wish|wishes|wishing|hope|hopes|hoping|pray|prays|praying) (?:that )?"
            r"(?:a|the|some) (?:car|bus|truck|"
            r"lorry|train|plane|meteor|something) (?:would |will |wil )?(?:just )?(?:hits?|"
            r"kils?|crush\w*|runs? me over|ran me over)(?: me)?|"
            r"would not (?:mind|care) if (?:a|the|some) (?:car|bus|truck|lorry|train) "
            r"(?:hit|kiled|ran over|crushed) me|"
            r"would not mind (?:if i (?:died|was dead|were dead|did not wake up)|dying|"
            r"not waking up)",
        ),
        Phrase(
            "not_want_to_live",
            r"not (?:really |even )?(?:want|wish|feel like) to (?:live|be alive|exist|keep "
            r"living|go on|be here any ?more|be here|be on this earth|wake up (?:again|tomorrow|"
            r"ever|any ?more))|"
            r"(?:not sure|do not know if|do not know why|not know why) i (?:want to|should) "
            r"(?:live|be alive|keep living|keep going|exist)|"
            r"(?:want to|would be nice to|rather) (?:just )?not (?:exist|be alive|be here|"
            r"live|wake up)|"
            r"(?:stop|stopped) (?:existing|living)|cease to exist|"
            r"(?:do not|can not) see (?:a|any) way out|no way out(?! of)|"
            r"(?:do not know|not sure) how (?:much )?longer i can (?:keep going|go on|take it|"
            r"hold on|do this)",
        ),
        Phrase(
            "no_reason_to_live",
            r"why (?:am i|do i|should i|would i) (?:even |still |just )?(?:alive|exist|"
            r"breathing|bother (?:living|staying alive)|keep living|stay alive)|"
            r"why (?:am i|should i) (?:even |still )?(?:here|around)(?= \.|$| any ?more| on "
            r"this earth)|"
            r"(?:no|nothing|not a single|not any) (?:reason|point) (?:to|in|for) (?:live|"
            r"living|go on|going on|be alive|being alive|keep going|keep living|carry on|"
            r"stay alive|stay|be here|wake up|exist|existing)|"
            r"nothing (?:left )?to live for|"
            r"point (?:of|in) (?:living|being alive|going on|existing|life any ?more)|"
            r"not worth living|life (?:is|is just) not worth it|"
            r"(?:tired|sick|done) (?:of|with) (?:living|being alive|life|existing)|"
            r"(?:give|gave|giving) up on (?:life|living)|"
            r"can not (?:do|live|handle|take|stand|bear) (?:this )?life any ?(?:more|longer)|"
            r"done with (?:everything|it al|al of it|this life|this world|being alive)(?: \.)? "
            r"(?:for good|forever|permanently)",
        ),
        Phrase(
            "never_wake_up",
            r"(?:sleep|go to sleep|fal asleep|close my eyes)(?: and| then)?(?: just| simply)? "
            r"(?:never|not) wake up|(?:hope|wish|pray) i (?:just )?(?:do not|never|will not|"
            r"would not) wake up|(?:wish|hope|pray) i (?:could|would|can) (?:just )?never wake "
            r"up|want to never wake up|never wake up again|(?:sleep|asleep) forever",
        ),
        Phrase(
            "cant_go_on",
            r"can not (?:go on|keep going|do life|live like this)"
            r"(?= \.|$| [^\w\s.]| (?:like this(?! with)|any ?more|any longer|living|i|and|"
            r"with (?:life|"
            r"this|it))(?!\S))|"
            r"can not (?:take|handle|bear|stand) (?:it|this|life|living) any ?(?:more|longer)",
            # Also everyday exasperation ("can't go on like this 😂"): a joke marker cancels it.
            weak=True,
        ),
        # Indifference to one's own survival, or relief at the thought of it ending.
        Phrase(
            "welcome_death",
            r"(?:do not|does not|would not|not|no longer) (?:realy |even |honestly )?care "
            r"(?:if|whether) i (?:live or die|die|wake up|make it|survive)|"
            r"(?:nice|beter|easier|great|good|peaceful|a relief|fine|ok|okay|happy|relieved) "
            r"(?:if|when) i (?:just |could just |could |would )?(?:did not|do not|would not|"
            r"stoped|stop|never) (?:(?:wake|woke) up(?! early| late| before| at| in time| on time)|"
            r"(?:exist|existed|existing|be here|lived?)(?= \.|$| any ?more| again))|"
            r"(?:got|get|getting|was|were) (?:hit|run over|ran over|kiled)(?: by (?:a|the|some) "
            r"\w+)?(?: \w+){0,5} (?:i would|i wil|il)(?: realy| honestly)? (?:be relieved|be glad|"
            r"not mind|welcome it|be at peace)",
        ),
        Phrase(
            "disappear_forever",
            r"(?:disappear|vanish|be gone) (?:forever|for good|permanently)|"
            r"disappear and never come back",
        ),
        Phrase("wanted_to_die", r"wanted to <<die>>|feel like dying", weak=True),
        Phrase("want_it_over", r"want (?:it|this) to (?:end|stop|be over)(?= \.|$)", weak=True),
        Phrase("want_to_disappear", r"<<want_to>> (?:just )?(?:disappear|vanish)", weak=True),
        Phrase(
            "cant_do_this", r"can not (?:do this|keep doing this) any ?(?:more|longer)", weak=True
        ),
        Phrase(
            "pain_to_stop",
            r"(?:the|this|my) pain to (?:stop|end)|end (?:my|the) suffering",
            weak=True,
        ),
    ),
    C.MEANS: (
        Phrase(
            "hoarded_means",
            r"(?:saved|saving|stockpil\w*|hoard\w*|colect\w*|stash\w*|storing|kept|keeping) "
            r"(?:up )?(?:\w+ ){0,3}(?:pils|tablets|meds|medication|"
            r"painkilers|paracetamol|antidepresants|insulin)",
        ),
        Phrase(
            "hang_myself",
            r"hang <<myself>>|noose|"
            # A rope made fast overhead; not a swing, a tent or washing.
            r"(?:tied|tying|tie|hung|hanging|fixed|attached) (?:a|the|my) (?:rope|belt|cord|cable)"
            r"(?: \w+){0,3} (?:to|from|on|over|around) (?:a|the|my) (?:\w+ )?(?:beam|ceiling|"
            r"rafter|hook|banister|bannister|door|tree|branch|rail|pipe|stairs)"
            r"(?!.{0,30}(?:swing|hamock|tent|boat|clothes|laundry|washing|dog|climb\w*|bike|"
            r"car|trailer|kayak|plants|lights))",
        ),
        # Pills set out ready, or going under water for good.
        Phrase(
            "means_laid_out",
            r"(?:pils|tablets|meds|medication|painkilers)(?: are| were)?(?: al)? (?:lined up|laid "
            r"out|counted out|spread out)"
            r"(?!.{0,40}(?:box|organi[sz]er|dispenser|week|remember|morning|breakfast|dinner))|"
            r"(?:go|going|slip|sliping|sink|sinking|stay|staying) under(?: the water)? "
            r"(?:for good|forever|permanently|and (?:not|never) (?:come|coming) (?:back )?up)",
        ),
        Phrase(
            "crash_on_purpose",
            r"(?:drive|driving|drove|crash|crashing|crashed|steer|steering|swerve|swerving) "
            r"(?:\w+ ){0,3}(?:into|of) (?:a|the|an|some) (?:\w+ )?(?:wal|tree|clif|bridge|barier|"
            r"truck|lorry|river|pilar|lake)(?: \w+){0,4} (?:on purpose|deliberately)|"
            r"(?:swerve|swerving|drive|driving) into oncoming traffic|"
            r"(?:going to|want to|wil|il|thinking (?:about|of)|should|could) (?:just )?(?:drive|"
            r"crash|steer|swerve) (?:\w+ ){0,3}(?:into|of) (?:a|the|an|some) (?:\w+ )?(?:wal|tree|"
            r"clif|bridge|barier|truck|lorry|river|pilar|lake)|"
            # A gun held or loaded, to the head or right now.
            r"(?:holding|loaded|have|got) (?:a|the|my \w+|my) (?:gun|pistol|rifle|shotgun) "
            r"(?:right now|in my hand|to my head|in my mouth)|loaded (?:a|the|my \w+|my) "
            r"(?:gun|pistol|rifle|shotgun)(?= \.|$| and)",
        ),
        Phrase(
            "swallow_all",
            r"(?:took|take|taking|swalow|swalowed) (?:al|a bunch of|a handful of|too many|"
            r"loads of|al of) (?:my |the )?(?:pils|meds|tablets|medication)|"
            r"(?:slit|slice|cut) (?:my|both) (?:wrists?|throat)",
        ),
        Phrase(
            "jump_from",
            r"<<jump>> (?:of|from) <<place>>|<<jump>> (?:in front of|into) (?:a |the )?(?:train|"
            r"bus|"
            r"car|truck|traffic)|walk into traffic|drive (?:of a clif|into a wal)",
            weak=True,
        ),
        Phrase(
            "overdose_word",
            r"overdos\w*(?! on (?:cofee|cafeine|espreso|sugar|cute\w*|dogs?|pupies|candy|"
            r"chocolate|serotonin|dopamine|anime|cringe|compliments|kindnes)(?!\S))",
            weak=True,
        ),
        Phrase("emoji_death", r"(?:🪢|⚰)(?: \S+)? (?:me|myself|🙁|😢|😭|💔)", weak=True),
    ),
    C.PLANS: (
        Phrase(
            "decided",
            # A decision to act, said with or without "I"; not when an ask follows ("decided
            # to do it: ask her out").
            r"my mind is made up|(?:(?:i have|i am|i) |^|(?<=\. ))(?:decided|made up my mind|"
            r"made my decision)(?: \.| it is| (?:that )?(?:to|i am going to|i wil|il) "
            r"(?:do it|end|go|die|take))"
            r"(?!.{0,40}(?<!\S)(?:ask\w*|invite|cal|text|talk|pitch|apply|request)(?!\S))|"
            r"i have a plan and|(?:know|have|got|picked) (?:the date|the day|when) and (?:how|the "
            r"(?:method|way))|"
            r"(?:tonights?|todays?|tomorows?|this)(?: is)? the (?:night|day)(?! i ask)"
            r"(?!.{0,40}(?<!\S)(?:ask\w*|invite|cal|text|talk|pitch|apply|request)(?!\S))|"
            # A date chosen, not "a date for the party" or "a date with her".
            r"(?:picked|set|chose|chosen|choose|fixed|decided on) (?:a|the|my) (?:date|day)"
            r"(?! (?:for|with|to|night|idea|spot)(?!\S))",
        ),
        Phrase("be_gone_by", r"(?:wil|il|going to) be gone (?:by|before|after|tonight|soon)"),
        # "won't be here anymore", unless a move or a trip explains it.
        Phrase(
            "not_here_anymore",
            r"(?:wil not|not going to|am not going to) be (?:here|around|alive) any ?more"
            r"(?!.{0,30}(?:moving|move|travel\w*|leaving for|vacation|holiday|trip|job|new city|"
            r"because|since))",
        ),
        # Not "I won't be around tomorrow": only a horizon with no return.
        Phrase(
            "not_around_much_longer",
            r"(?:wil not|not going to|might not|(?:do not think|doubt) (?:i wil|il|i am going to)) "
            r"be (?:around|here|alive) "
            r"(?:much longer|for much longer|for long|to see (?:next|another|my|the new) \w+)|"
            r"my last (?:day|night|weekend|week|birthday|christmas) (?:alive|on (?:this )?earth)",
        ),
    ),
    C.PREPARATIONS: (
        Phrase(
            "letters_for_after",
            r"(?:wrote|writing|write|written|left|leaving|leave) (?:(?:a|my|the|some) )?"
            r"(?:(?:goodbye|last|suicide|final) )?(?:notes?|leters?)(?: \w+){0,5} (?:(?:for|so) "
            r"(?:\w+ ){1,2}to find|for "
            r"(?:after|afterwards|when (?:i am gone|they find me)|my (?:family|parents|mum|mom|"
            r"dad|kids|friends))|to say goodbye)|goodbye (?:notes?|leters?)|"
            # "already wrote my note." with nothing after: the note needs no addressee.
            r"(?:already |finaly |just )?(?:wrote|written|finished|left) (?:my|the) notes?"
            r"(?= \.|$| and (?:i|it|everything|now))",
        ),
        Phrase(
            "giving_away",
            r"(?:giving|gave|give|given) (?:away )?(?:al )?my (?:stuf|things|belongings|"
            r"posessions|everything|cat|dog|pets?)|sorted (?:out )?my wil|wrote my wil|"
            r"(?:giving|gave|give|given|handing|handed) (?:away|out)(?: \w+){0,6} (?:(?:wil|do) "
            r"not ned (?:them|it|any of it)|where i am going)|"
            r"(?:put|puting|geting|got|sorting|sorted) (?:al )?my afairs in order|"
            r"(?:a )?(?:nice |good |happy )?last memory of me|"
            r"(?:something|things) to remember me by",
        ),
        Phrase(
            "last_message",
            r"(?:this is|this wil be|here is) my (?:last|final) (?:message|goodbye|post|text)"
            r"(?! for (?:today|tonight|now|the day|a while|this week)| before (?:my|the|"
            r"i go to) \w+| before (?:bed|sleep|i sleep)| (?:today|tonight|of the day))|"
            r"my (?:last|final) goodbye|good ?bye (?:forever|cruel world)|"
            r"(?:bye|farewel) forever|(?:said|saying|say) my goodbyes(?! (?:at|to (?:the|my) \w+))|"
            r"good ?bye for good|this is (?:my )?good ?bye(?! (?:for now|til|until|to (?:my|the)))|"
            r"(?:last|final) (?:mesage|post|text|words) (?:from me|ever)"
            r"(?! (?:for|today|tonight|til|until|before|this))|"
            r"(?:say|said|saying) good ?bye before i go",
        ),
        Phrase(
            "goodbye_everyone",
            r"(?:good ?)?bye (?:everyone|everybody|world|al)(?! at| to)"
            r"(?!.{0,30}(?<!\S)(?:se you|til|until|for now|tomorow|later|next)(?!\S))|"
            r"(?:it was|it has ben|been) nice knowing (?:you|y al|everyone|you al)",
            weak=True,
        ),
    ),
    C.BURDEN: (
        Phrase(
            "better_off_without_me",
            r"(?:better|happier|easier|lighter|brighter)(?: place| world| of)? without me"
            r"(?! \w+ing)|would (?:al )?(?:be )?(?:fine|ok|okay|alright|just fine) without me"
            r"(?! (?:for|while|this|today|tomorow|at|on|during|until|til|when)(?!\S))|"
            r"(?:better|happier|easier) (?:of )?(?:for (?:everyone|everybody|them|al|"
            r"my \w+) )?(?:if i (?:was|were|was not|were not) (?:gone|"
            r"dead|here|around|alive|born|not in (?:the picture|their (?:lives|life|way)|the "
            r"way))|if i died|if i disappeared|if i (?:had )?never "
            r"(?:ben born|existed|lived|was born))|"
            r"if i (?:was|were|am) (?:gone|dead|not here)(?: \w+)? (?:no one|nobody|anyone)"
            r"(?: would| wil)?(?: even| realy)? (?:notice|care|mis me)|"
            r"(?:they|people|anyone|everyone|my \w+) (?:would|wil) not (?:even |realy )?"
            r"(?:mis|notice|care)(?: me)?(?: \w+)? if i (?:died|was gone|were gone|disappeared|"
            r"was dead)|"
            r"doing (?:them|everyone|everybody|the world|my \w+) a favou?r by (?:dying|"
            r"disappearing|ending it|not being (?:here|around|alive)|being gone|going(?= \.|$))|"
            r"(?:no one|nobody|anyone) (?:would |wil )?(?:even |really )?(?:mis|care|notice)"
            r"(?: me)? if i (?:died|was gone|were gone|disappeared|was dead|kiled)|"
            r"(?:relieved|glad|happier) if i (?:just )?(?:died|was gone|were gone|was dead|"
            r"disappeared|vanished|was not (?:here|around))|"
            r"kinder (?:to (?:everyone|everybody|them|al) )?(?:to|if i (?:just )?)(?:disappear|"
            r"disappeared|die|died|went|was gone)",
        ),
        Phrase(
            "a_burden",
            # ... but "I feel like a burden when I ask" is the social anxiety this bot is for.
            r"(?:i am|i feel like|i am just|i am only|such) (?:a|such a|just a|only a)? ?burden"
            r"(?: (?:to|on) (?:everyone|everybody|my family|my friends|them|al|people))?"
            r"(?! (?:to|on) (?:no one|nobody|noone|anyone))"
            r"(?!.{0,40}(?<!\S)(?:when i ask|asking|to ask|for asking|ask for|ask them|favour|"
            r"favor)(?!\S))|"
            r"(?:draging|bringing) (?:everyone|everybody|them|people) down|"
            r"i am (?:just |only )?(?:a )?dead weight|"
            r"(?:stop|stop being|wil not be|not be) (?:a )?burden (?:to (?:anyone|everyone|"
            r"anybody) )?(?:soon|much longer|for much longer|for long|forever|for good)",
        ),
    ),
    C.SELF_HARM: (
        Phrase(
            "self_harm_word",
            r"self ?(?:harm\w*|injur\w*|mutilat\w*)|sh (?:relapse\w*|urges?)|relapsed? (?:on|"
            r"into) sh|relapsed and (?:cut|burned|hurt)|clean from (?:sh|cuting)|sh (?:clean|free)|"
            r"used to (?:cut|self ?harm|hurt myself)(?= \.|$| when| until| til| as a| a lot| in "
            r"(?:\w+ )?schol| my (?:arms?|wrists?|legs?|thighs?))",
        ),
        Phrase(
            "cutting",
            r"(?:cut|cuting|cuts) <<myself>><<benign_after>>|"
            r"(?<!got )(?<!get )(?<!was )(?<!ben )(?<!be )cut again(?= \.|$| last night| today| "
            r"tonight| this morning| yesterday)|(?:cut|cuts|cuting) (?:\w+ ){0,3}(?:deeper|too "
            r"deep|deep this time)(?! into)|"
            r"(?:new|fresh|more|deep|deeper) cuts (?:on|across) my (?:arms?|wrists?|thighs?|legs?|"
            r"stomach|hips?|skin)(?! from)|"
            r"(?:been|started|start|keep|kept|back to|resumed|can not stop|relapsed|urge to|"
            r"urges to|want to|wanting to|thinking about|thinking of) cuting(?! (?:back|down|"
            r"carbs|sugar|out|corners|costs|clas|clases|my hair|hair|in|of|the|a|it|up|ties)"
            r"(?!\S))|cuting again|(?:want|need|urge|urges|going|about) to cut(?= \.|$| again| "
            r"so| tonight| today| later| deep)|"
            r"(?:cut|cuting|cuts|scratch|scratching|scratched|burn|burning|burnt|burned) (?:my|"
            r"my own) (?:wrists?|arms?|thighs?|skin|legs?|stomach|hands?)<<benign_after>>",
        ),
        Phrase(
            "hurt_myself",
            r"(?<!almost )(?<!nearly )(?:hurt|hurting|hurts|harm|harming|harmed|burn|burning|"
            r"burned|burnt|hit|hitting|punch|punching|punched|scratch|scratching|bite|biting|"
            r"bit|starve|starving|starved) <<myself>><<benign_after>>|"
            r"make <<myself>> bleed|(?:until|til) (?:i|it|they) (?:bleeds?|bled)|"
            r"(?:until|til) my (?:knuckles|skin|hands?|fists?|arms?|wrists?|legs?|head|lips?) "
            r"(?:bled|bleds?|bleding|split|broke|cracked)|"
            # Hitting oneself somewhere, not by accident with a door or a ball.
            r"(?<!acidentaly )(?:hit|hiting|punch\w*|slap\w*|smack\w*|beat\w*|bang\w*|"
            r"scratch\w*|pinch\w*) <<myself>> (?:in|on) the (?:head|face|stomach|legs?|arms?|"
            r"chest|thighs?)(?! with (?:a|the|my) (?!fists?))|"
            r"(?:bang|banged|banging|hit|hitting) my head (?:against|on|into) (?:the |a )?wals?|"
            r"(?:burn|burnt|burned|cut|hurt|hit|scratch\w*|bit|bite|slam\w*|punch\w*|smash\w*|"
            r"bang\w*) (?:\w+ ){0,2}(?:my|myself)(?: \w+){0,3} (?:on purpose|deliberately)|"
            r"(?:punch|punching|punched|hit|hitting) (?:the )?wals? to hurt",
        ),
        # The tool against the body: "took a razor to my arm", "blade on my thigh".
        Phrase(
            "blade_to_body",
            r"(?:razor|blade|knife|glass|lighter|scissors|compass)s? (?:to|on|across|against|"
            r"into) (?:my|my own) (?:wrists?|arms?|thighs?|skin|legs?|stomach|hands?|hips?)",
        ),
        Phrase(
            "carved_into_skin",
            r"(?:carve|carved|carving|cut|cuting|sliced|scratched|etched|dug|diging) (?:\w+ )?"
            r"into my (?:skin|arms?|wrists?|thighs?|legs?|stomach|hands?|hips?)",
        ),
        Phrase("emoji_blade_blood", r"(?:🔪|🗡|🪒|✂)(?: \S+)? 🩸|🩸(?: \S+)? (?:🔪|🗡|🪒|✂)"),
    ),
    C.RESEARCH: (
        # Asking for a method is research even without "look up".
        Phrase(
            "quickest_way",
            r"(?:quickest|easiest|fastest|surest|least painful|most painles|best|cleanest) "
            r"(?:way|method)s? (?:to|of) (?:die|dying|end (?:it|it al|my life|things|everything)|"
            r"kil (?:<<myself>>|yourself|urself|oneself)|go(?= \.|$| without| asking| for "
            r"(?:good|me)))(?! (?:is )?(?:of|from) old age)|"
            r"ways? (?:of|to) (?:dying|die|kil (?:<<myself>>|yourself))(?: \w+){0,3} (?:hurts? "
            r"(?:the )?least|is (?:the )?(?:least painful|painles|quickest|fastest|easiest))|"
            r"(?:die|dying|death|crash|end it|kil myself)(?: \w+){0,4} (?:lok|loks|looking|loked|"
            r"seems?) like an acident|"
            r"how long (?:does|would|wil) it take (?:to|for (?:me|someone|a person|you) to) "
            r"(?:bleed out|die|drown|suffocate)",
        ),
        # "how do I hang myself", "what happens if you take 50 tylenol": the question is the
        # research.
        Phrase(
            "how_to_method",
            r"how (?:to|do you|do i|can i|would i|would you|does one) (?:hang|kil|drown|poison|"
            r"shoot|suffocate|overdose|od) (?:<<myself>>|yourself|urself|oneself|on \w+)|"
            r"(?:what happens|what would happen|would i die|would you die|can you die|could i "
            r"die|wil i die) if (?:you|i|someone) (?:take|took|swalow\w*|drink|drank|od on|"
            r"overdose on) (?:\d\d+|al (?:of )?(?:my|the|your)|a whole|a bottle|a box|a pack|"
            r"too many|the whole)",
        ),
        # Asking what height kills is research without "look up".
        Phrase(
            "height_to_die",
            r"(?:how high|how tal|how many floors|(?:which|what) floor|high enough)(?: \w+){0,8} "
            r"(?:to|so|that|and|would|wil|for) (?:\w+ ){0,2}(?:die|kil \w+|be fatal|be lethal|"
            r"(?:not|never|do not|would not|wil not|can not) survive)",
        ),
        Phrase(
            "how_many_would_it_take",
            r"how (?:many|much) (?:\w+ ){0,2}(?:pils|tablets|meds|paracetamol|insulin|"
            r"painkilers|sleeping pils|of (?:them|these|my meds))(?: \w+){0,3} "
            r"(?:would|wil|does|to) (?:it take|kil|be fatal|be lethal|be enough)",
        ),
        # Asked bare, also a joke about coffee or an awkward room: weak, so humour cancels it.
        Phrase(
            "lethal_dose_bare",
            r"(?:lethal|fatal|deadly) (?:dose|amount)s?(?: of \w+)?|"
            r"(?:quickest|easiest|fastest|least painful) way out(?= \.|$)",
            weak=True,
        ),
        # A substance and a lethal amount, or swallowing something to find out.
        Phrase(
            "lethal_amount",
            r"(?:mg|miligrams|grams|pils|tablets|doses?|paracetamol|tylenol|ibuprofen|insulin|"
            r"painkilers|meds|aspirin)(?: \w+){0,3} (?:is|are|would be|to be) (?:lethal|fatal|a "
            r"lethal dose|a fatal dose|enough to kil)|"
            r"(?:is|are|would) (?:\w+ ){0,2}(?:pils|tablets|paracetamol|tylenol|ibuprofen|insulin|"
            r"painkilers|meds|aspirin) (?:lethal|fatal|enough to kil)|"
            r"(?:lethal|fatal|deadly|would kil you|kil you) if (?:you|i|someone) (?:drink|drank|"
            r"take|took|swalow|swalowed|eat|ate|mix)",
        ),
    ),
}

COMBINATIONS: dict[Category, tuple[Combination, ...]] = {
    # A means alone is ordinary ("took my vitamins", "crossed the bridge"); with
    # self-directed intent or a final act beside it, it is a method.
    C.MEANS: (
        Combination("means_with_intent", ("<<means>>", "<<intent>>", "<<act>>")),
        Combination("means_turned_on_me", ("<<means>>", "<<self_directed>>")),
        # Alcohol beside a whole supply of pills: a method even without an intent word.
        Combination(
            "pills_and_alcohol",
            (
                "<<alcohol>>",
                r"(?:al|every|whole|entire|the rest of|a bottle of|bottle of|box of|pack of) "
                r"(?:\w+ )?(?:my |the )?(?:sleping )?(?:pils|tablets|meds|painkilers)",
            ),
            window=60,
        ),
        Combination("jump_with_intent", ("<<intent>> <<jump>>", "<<place>>")),
    ),
    # A time or a decision alone is ordinary ("tonight I'll ask"); beside a final act it
    # is a plan.
    C.PLANS: (
        Combination("time_and_final_act", ("<<time>>", "<<final_act>>"), window=70),
        # "I'll do it" is usually an ask in this product; secrecy or certainty makes it a plan.
        Combination(
            "nobody_will_stop_me",
            (
                r"(?:no one|nobody|noone) (?:wil|can|is going to|could) stop me"
                r"(?!.{0,40}(?<!\S)ask\w*(?!\S))",
                r"<<time>>|(?:the|my) plan|planed|decided",
            ),
            window=70,
        ),
        Combination(
            "covert_do_it",
            ("<<covert>>", "(?:do|doing) it|(?:have|got) (?:it|everything) (?:al )?planed"),
            window=50,
        ),
    ),
    # Something written or recorded for the time after one is gone.
    C.PREPARATIONS: (
        Combination(
            "made_for_after",
            (
                r"(?:wrote|writen|writing|write|left|leaving|recorded|recording|made|filmed|"
                r"typed|prepared|set up|sorted) (?:\w+ ){0,3}(?:<<document>>)",
                "<<after_me>>",
            ),
            window=60,
        ),
        # A goodbye sent to someone close, with an apology or "one day" beside it.
        Combination(
            "goodbye_sent",
            (
                r"good ?bye (?:texts?|mesages?|videos?|voice ?notes?|cals?|emails?)",
                r"my (?:best friend|family|parents|mum|mom|dad|sister|brother|kids|partner|wife|"
                r"husband)|forgive me|understand one day|i am sory",
            ),
            window=60,
        ),
    ),
    # Research alone is ordinary ("looked up how to ask for a refund"); what is looked up
    # makes it a crisis.
    C.RESEARCH: (Combination("research_lethal", ("<<research>>", "<<lethal>>"), window=70),),
}

ENGLISH = Vocabulary(
    language="en",
    fragments=FRAGMENTS,
    negation=NEGATION,
    intensifier=INTENSIFIER,
    figurative=FIGURATIVE,
    phrases=PHRASES,
    combinations=COMBINATIONS,
)
