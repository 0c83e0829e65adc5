"""English crisis vocabulary, part 1: fragments, context words and the combinations.

Split out of ``english.py`` (the single-pattern phrases, and the assembled ``ENGLISH``) to keep
each module short: here are the reusable fragments, the words that cancel a match, and the
combinations (every part within a window) built from the fragments. Same conventions:
plain-spelling regular expressions over chat tokens (contractions opened, doubled letters
squashed, text speak expanded); ``<<name>>`` in a rule is replaced by the fragment of that
name. Comments say why a word is in or out.
"""

from __future__ import annotations

from bot.domain.crisis.vocabulary import Category, Combination

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
        r"(?! (?:shaving|cooking|chopping|slicing|at|on(?! purpose)|in|while|during|playing|"
        r"lifting|running|falling|by accident|accidentally|training|slightly|a bit|a little|"
        r"badly at|laughing|doing|some slack|slack|a break|off|with (?:the|a) (?:knife|paper|"
        r"iron|pan|kettle|oven|stove))(?!\S))"
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
        r"enough(?: \w+){0,5} to (?:die|end it|kil me|not wake up|do it)(?= \.|$| tonight| now)|"
        r"(?:saved|stashed|hidden|hoarded|stockpiled|ready) (?:up )?to (?:do it|end it|die)|"
        r"(?:to|so i) (?:not|never|do not|wil "
        r"not) wake up"
    ),
    # "I'll do it", "set it all up": in this product usually an ask or a party, said so after.
    "not_an_ask": (
        r"(?!.{0,40}(?<!\S)(?:ask\w*|invite|cal|text|talk|pitch|apply|request|party|"
        r"surprise)(?!\S))"
    ),
    # The people one could be a burden to (not the waiter, not "my team").
    "my_people": (
        r"(?:everyone|everybody|them|al|people|al of them|the world|those i love|the (?:people|"
        r"ones) i love|society|my (?:family|friends|parents|mum|mom|dad|partner|wife|husband|"
        r"kids|loved ones|sister|brother|boyfriend|girlfriend))(?!\S)"
    ),
    # "gone for good, moving to canada": a move, a trip or a job explains being gone.
    "not_a_move": (
        r"(?!.{0,40}(?:moving|move|travel\w*|vacation|holiday|trip|job|new city|abroad|"
        r"emigrat\w*|study|studying|exchange|ofice|work)(?!\S))"
    ),
    # "after I'm gone": the time a farewell is written for.
    "after_me": (
        r"(?:after|when|once|for when) i (?:am|m) (?:gone|dead|"
        r"not (?:here|around)(?= \.|$| any ?more))|"
        r"after i (?:die|am dead|kil myself|end it|go(?= \.|$))|"
        r"(?:for )?afterwards?(?= \.|$)|for after(?= \.|$| i)|"
        r"to (?:read|find|open|watch|have) (?:it |them )?(?:after|afterwards)(?= \.|$)|"
        # "if anything happens to me, my passwords are ...": but not on a hike or a flight.
        r"if (?:anything|something) (?:happens|were to happen|should happen|hapened) to me"
        r"(?! (?:on|while|during|abroad|at|in)(?!\S))"
    ),
    "document": (
        r"notes?|leters?|videos?|mesages?|paswords|pins?|instructions|wil|lists?|recordings?|"
        r"voice ?notes?|cards?|emails?|texts?|journal|diary"
    ),
    "covert": (
        r"(?:when|once|while|as soon as|after) (?:everyone|everybody|they|no one|my \w+) "
        r"(?:is|are|am|s|goes|go|leaves|leave|falls|fal|gets|get)(?: \w+){0,2} "
        r"(?:asleep|to sleep|to bed|out|gone|away|home|at work|for work|to work|for (?:the )?"
        r"(?:holidays?|vacation|trip|weekend|night)|on (?:holiday|vacation|a trip))|"
        r"when no one is (?:home|around)|"
        r"(?:when|once|while) the (?:house|flat|apartment|place) is empty|"
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
        r"(?:forums?|threads?|subredits?|websites?|sites) (?:about|on)|"
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
        r"it is happening|be gone<<not_a_move>>|kil myself|take my life|"
        # "the date" settled, not the date one goes on ("shave before the date").
        r"(?<!before )(?<!after )(?<!on )(?<!for )(?<!to )(?<!from )(?:the|a) date"
        r"(?= \.|$|,| is (?:set|chosen|picked|fixed))|"
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
                r"(?:\w+ )?(?:my |the )?(?:sleping )?(?:pils|tablets|meds|painkilers|"
                r"antidepresants|medication|paracetamol|tylenol|insulin|sleping tablets)"
                # ... not a supply packed for a trip or a week.
                r"(?! for (?:the |my |a |this )?(?:trip|week|holidays?|journey|flight|travel|"
                r"month|weekend|vacation))",
            ),
            window=60,
        ),
        Combination("jump_with_intent", ("<<intent>> <<jump>>", "<<place>>")),
        # The means taken away from one, and replaced: "new blades, the old ones got taken".
        Combination(
            "means_taken_away",
            (
                r"(?:blades|razors?|pils|meds|tablets|knives|lighter)",
                r"(?:got|were|was|have ben|had ben) (?:taken|confiscated|hidden)(?: away)?"
                r"(?!.{0,30}(?:sharpen\w*|repair\w*|security|airport|clean\w*|customs))|"
                r"(?:took|take|confiscated|hid) (?:them|my \w+) away",
            ),
            window=50,
        ),
        # At a height or a means, the thought of how easy it would be, or of not only looking.
        Combination(
            "edge_thoughts",
            (
                r"<<means>>|<<place>>|(?:the )?(?:edge|tracks|railing|window ledge)",
                r"how easy (?:it would be|it is|it wil be) (?:to )?(?:just )?(?:go over|jump"
                r"(?! in(?!to)| on| at)|let go|fal|step (?:of|out|forward)|lean (?:over|out)|tip "
                r"over|slip)|(?:next time|one day|someday|soon|tomorow|tonight)(?: \w+)? i "
                r"(?:wil not|am not going to) (?:just )?(?:lok|stand there|stare|stop)(?= \.|$)",
            ),
            window=80,
        ),
    ),
    # A time or a decision alone is ordinary ("tonight I'll ask"); beside a final act it
    # is a plan.
    C.PLANS: (
        Combination("time_and_final_act", ("<<time>>", "<<final_act>>"), window=70),
        # "sunday is it. i won't change my mind": a day settled, no going back, said alone.
        Combination(
            "day_is_it",
            (
                r"(?:<<time>>|(?:the|that) day) is it(?= \.|$| no (?:turning|going) back| i "
                r"(?:wil not|am not going to))",
                r"(?:wil not|am not going to|not going to) change my mind(?= \.|$)|no (?:turning|"
                r"going) back(?= \.|$)",
            ),
            window=60,
        ),
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
            (
                "<<covert>>",
                r"(?:do|doing) it<<not_an_ask>>|(?:have|got) (?:it|everything) (?:al )?planed|"
                r"set (?:everything|it al|it) up<<not_an_ask>>|(?:got|have) everything ready"
                r"<<not_an_ask>>|decided on (?:<<time>>)<<not_an_ask>>",
            ),
            window=50,
        ),
    ),
    # Something written or recorded for the time after one is gone.
    C.PREPARATIONS: (
        # Closing one's accounts and sending everyone a goodbye, "it's time".
        Combination(
            "accounts_closed_goodbye",
            (
                r"(?:deleted|deactivated|closed|wiped|shut down) (?:al )?(?:my )?(?:socials|"
                r"acounts|social media|instagram|profiles|facebook|tiktok)",
                r"(?:mesaged|texted|told|sent) (?:everyone|everybody|al my \w+|them|my \w+) "
                r"(?:good ?)?bye(?! for now| til| until| se you)|it is time(?= \.|$)|before i "
                r"go(?= \.|$)|for good|last (?:time|post|mesage)",
            ),
            window=70,
        ),
        Combination(
            "made_for_after",
            (
                r"(?:wrote|writen|writing|write|left|leaving|recorded|recording|made|filmed|"
                r"typed|prepared|set up|sorted) (?:\w+ ){0,3}(?:<<document>>)",
                "<<after_me>>",
            ),
            window=60,
        ),
        # ... or where it is to be found: "if anything happens to me, my passwords are in ...".
        Combination(
            "where_to_find_it",
            ("<<after_me>>", r"(?:my |the )?(?:<<document>>) (?:are|is) (?:al )?(?:in|under|on)"),
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
