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
    # Self-directed intent or planning, the half of a combination that makes a means personal.
    "intent": (
        r"(?:going to|want to|wanting to|planning (?:to|on)|plan to|thinking (?:about|of)|"
        r"think about|ready to|about to|decided to|made up my mind|keep thinking|considering|"
        r"tempted to|urge to|urges to|need to|will|gonna|could just|should just|enough to|"
        r"to do it|do it|end it|using it on myself|on myself|kill myself|what it is for)"
    ),
    "covert": (
        r"(?:when|once|while) (?:everyone|everybody|they|no one|my \w+) (?:is|are|am|s) "
        r"(?:asleep|out|gone|away|home|at work)|when no one is (?:home|around)|"
        r"exactly how|how and when|nobody wil stop me"
    ),
    # Means and places, named as things (the intent half makes them self-directed).
    "means": (
        r"(?:sleeping |my |the |some |al (?:my |the )?)?(?:pills|pil|tablets|meds|medication|"
        r"paracetamol|tylenol|ibuprofen|insulin|antidepressants|painkillers)|rope|noose|"
        r"(?:a |my \w+ |my |the )?(?:gun|pistol|rifle|shotgun)|blade|razor|razors|"
        r"(?:the |a )?(?:bridge|roof|rooftop|ledge|cliff|tracks|railway|motorway|highway)|"
        r"in front of (?:a|the) (?:train|bus|car|truck|lorry)|into (?:the )?(?:traffic|river|"
        r"sea|lake|water)|overdose|drown \w*|hang \w*"
    ),
    "jump": r"(?:jump|jumping|jumped|step|stepping|throw \w+|leap|leaping|fall|falling)",
    "place": r"(?:a|the|that|my|this) (?:bridge|roof|rooftop|building|ledge|cliff|balcony|tower)",
    "lethal": (
        r"painless|lethal|fatal|deadly|"
        r"(?:quickest|easiest|fastest|quick|surest) (?:way|method)s?(?= \.|$| to (?:die|end|"
        r"do it|go|kil))|"
        r"ways? to (?:die|kil \w+|end (?:it|my life)|do it)|methods?|bleed out|would it take|"
        r"how deep|so i can (?:die|drown|do it|end it)|"
        r"(?:how|what) (?:high|much|many)\b.*?(?:would|to) (?:kil|be fatal|be lethal|die)|"
        r"how high|high enough|which floor|what floor|(?:not |never )?survive (?:a|the) "
        r"(?:fal|jump|drop)|survivable|overdose|od|hanging|die quickly|not hurt"
    ),
    "research": (
        r"(?:look\w* up|googl\w*|search\w*|read\w* (?:about|up)|research\w*|find out|"
        r"trying to find|asked (?:chatgpt|ai|google))"
    ),
    "time": (
        r"tonight|tomorrow|this (?:weekend|week|friday|saturday|sunday|month)|on "
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|after (?:my|the) \w+|the date|"
        r"when (?:everyone|they|no one|my \w+) (?:is|are|am) (?:asleep|out|gone|away|home)|"
        r"once (?:everyone|they|my \w+) (?:is|are) (?:asleep|out|gone|away)|by (?:monday|"
        r"friday|the weekend|next week)|exactly how|how and when|soon"
    ),
    "final_act": (
        r"end it(?: al)?|end things|end everything|go through with it|going through "
        r"with it|doing it|(?:planed|sorted|arranged|organised) everything|"
        r"it is happening|be gone|kil myself|take my life|(?:the|a) date|"
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
            r"(?<!social )(?<!career )(?<!political )(?:<<suicide>>)(?! squad)",
        ),
        Phrase("unalive", r"un ?aliv\w*|sewer ?slide\w*"),
        # Not "almost killed myself on the stairs", "killing myself laughing / at work".
        Phrase(
            "kill_myself",
            r"(?<!almost )(?<!nearly )(?:kil|kiling|kiled|kils|end|ending) "
            r"<<myself>>(?! laughing| at work| at the gym| over| trying| to (?:get|make|finish))",
        ),
        Phrase("kms_kys", r"kms|kys|kmys"),
        Phrase(
            "end_my_life",
            r"(?:end|ending|ended|take|taking|took) (?:my|my own) life|"
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
            r"want to be dead|(?:tonight|today) i want to <<die>>",
        ),
        # "rather die than sing karaoke" compares: hyperbole, not a wish.
        Phrase("rather_die", r"rather (?:<<die>>|be dead)(?! than)", weak=True),
        Phrase("kill_me", r"(?:just|someone|somebody|please|god) kil me|kil me now", weak=True),
    ),
    C.PASSIVE_IDEATION: (
        Phrase(
            "wish_dead",
            r"(?:hope|wish|pray) i (?:would |could |just )?<<die>>|better off dead|"
            r"wish\w* (?:i was|i were|i had|i would) (?:not alive|not here|dead|gone|never "
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
            r"(?:no|nothing|not a single|not any) (?:reason|point) (?:to|in|for) (?:live|"
            r"living|go on|going on|be alive|being alive|keep going|keep living|carry on|"
            r"stay alive|stay|be here|wake up|exist|existing)|"
            r"nothing (?:left )?to live for|"
            r"point (?:of|in) (?:living|being alive|going on|existing|life any ?more)|"
            r"not worth living|life (?:is|is just) not worth it|"
            r"(?:tired|sick|done) (?:of|with) (?:living|being alive|life|existing)|"
            r"(?:give|gave|giving) up on (?:life|living)",
        ),
        Phrase(
            "never_wake_up",
            r"(?:sleep|go to sleep|fal asleep|close my eyes)(?: and| then)? (?:never|not) wake "
            r"up|(?:hope|wish|pray) i (?:just )?(?:do not|never|will not|would not) wake up|"
            r"want to never wake up|never wake up again|sleep forever",
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
            r"(?:up )?(?:\w+ )?(?:my |the |some )?(?:\w+ )?(?:pils|tablets|meds|medication|"
            r"painkilers|paracetamol|antidepresants|insulin)",
        ),
        Phrase("hang_myself", r"hang <<myself>>|noose"),
        Phrase(
            "crash_on_purpose",
            r"(?:drive|driving|drove|crash|crashing|crashed|steer|steering|swerve|swerving) "
            r"(?:\w+ ){0,3}(?:into|of) (?:a|the|an|some) (?:\w+ )?(?:wal|tree|clif|bridge|barier|"
            r"truck|lorry|river|pilar|lake)(?: \w+){0,4} (?:on purpose|deliberately)|"
            r"(?:swerve|swerving|drive|driving) into oncoming traffic",
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
            r"my mind is made up|(?:i have|i am|i) (?:decided|made up my mind|"
            r"made my decision)(?: \.| it is| to "
            r"(?:do it|end|go|die|take))|i have a plan and|picked (?:the|a) date|"
            r"(?:tonight|today) is the (?:night|day)(?! i ask)",
        ),
        Phrase("be_gone_by", r"(?:wil|il|going to) be gone (?:by|before|after|tonight|soon)"),
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
            r"(?:(?:goodbye|last|suicide|final) )?(?:notes?|leters?)(?: \w+){0,3} (?:for "
            r"(?:after|afterwards|when (?:i am gone|they find me)|my (?:family|parents|mum|mom|"
            r"dad|kids|friends))|to say goodbye)|goodbye (?:notes?|leters?)|"
            # "already wrote my note." with nothing after: the note needs no addressee.
            r"(?:already |finaly |just )?(?:wrote|written|finished|left) (?:my|the) notes?"
            r"(?= \.|$| and (?:i|it|everything|now))",
        ),
        Phrase(
            "giving_away",
            r"(?:giving|gave|give|given) (?:away )?(?:al )?my (?:stuf|things|belongings|"
            r"posessions|everything|cat|dog|pets?)|sorted (?:out )?my wil|wrote my wil",
        ),
        Phrase(
            "last_message",
            r"(?:this is|this wil be|here is) my (?:last|final) (?:message|goodbye|post|text)"
            r"(?! for (?:today|tonight|now|the day|a while|this week)| before (?:my|the|"
            r"i go to) \w+| before (?:bed|sleep|i sleep)| (?:today|tonight|of the day))|"
            r"my (?:last|final) goodbye|good ?bye (?:forever|cruel world)|"
            r"(?:bye|farewel) forever|(?:said|saying|say) my goodbyes(?! (?:at|to (?:the|my) \w+))|"
            r"(?:say|said|saying) good ?bye before i go",
        ),
        Phrase(
            "goodbye_everyone", r"good ?bye (?:everyone|everybody|world|al)(?! at| to)", weak=True
        ),
    ),
    C.BURDEN: (
        Phrase(
            "better_off_without_me",
            r"(?:better|happier|easier)(?: of)? without me(?! \w+ing)|"
            r"(?:better|happier|easier) (?:of )?(?:for (?:everyone|everybody|them|al|"
            r"my \w+) )?(?:if i (?:was|were|was not|were not) (?:gone|"
            r"dead|here|around|alive|born)|if i died|if i disappeared)|"
            r"(?:no one|nobody|anyone) (?:would |wil )?(?:even |really )?(?:mis|care|notice)"
            r"(?: me)? if i (?:died|was gone|were gone|disappeared|was dead|kiled)|"
            r"(?:relieved|glad|happier) if i (?:died|was gone|were gone|was dead)|"
            r"kinder (?:to (?:everyone|everybody|them|al) )?(?:to|if i (?:just )?)(?:disappear|"
            r"disappeared|die|died|went|was gone)",
        ),
        Phrase(
            "a_burden",
            # ... but "I feel like a burden when I ask" is the social anxiety this bot is for.
            r"(?:i am|i feel like|i am just|i am only|such) (?:a|such a|just a|only a)? ?burden"
            r"(?: (?:to|on) (?:everyone|everybody|my family|my friends|them|al|people))?"
            r"(?!.{0,40}(?<!\S)(?:when i ask|asking|to ask|for asking|ask for|ask them|favour|"
            r"favor)(?!\S))|"
            r"(?:draging|bringing) (?:everyone|everybody|them|people) down",
        ),
    ),
    C.SELF_HARM: (
        Phrase(
            "self_harm_word",
            r"self ?(?:harm\w*|injur\w*|mutilat\w*)|sh (?:relapse\w*|urges?)|relapsed? (?:on|"
            r"into) sh|relapsed and (?:cut|burned|hurt)",
        ),
        Phrase(
            "cutting",
            r"(?:cut|cuting|cuts) <<myself>><<benign_after>>|"
            r"(?:been|started|start|keep|kept|back to|resumed|can not stop|relapsed|urge to|"
            r"urges to|want to|wanting to|thinking about|thinking of) cuting(?! (?:back|down|"
            r"carbs|sugar|out|corners|costs|clas|clases|my hair|hair|in|of|the|a|it|up|ties)"
            r"(?!\S))|cuting again|(?:want|need|urge|urges) to cut(?= \.|$| again| so)|"
            r"(?:cut|cuting|cuts|scratch|scratching|scratched|burn|burning|burnt|burned) (?:my|"
            r"my own) (?:wrists?|arms?|thighs?|skin|legs?|stomach|hands?)<<benign_after>>",
        ),
        Phrase(
            "hurt_myself",
            r"(?<!almost )(?<!nearly )(?:hurt|hurting|hurts|harm|harming|harmed|burn|burning|"
            r"burned|burnt|hit|hitting|punch|punching|punched|scratch|scratching|bite|biting|"
            r"bit|starve|starving|starved) <<myself>><<benign_after>>|"
            r"make <<myself>> bleed|(?:until|til) (?:i|it|they) (?:bleeds?|bled)|"
            r"(?:bang|banged|banging|hit|hitting) my head (?:against|on|into) (?:the |a )?wals?|"
            r"(?:burn|burnt|burned|cut|hurt|hit|scratch\w*|bit|bite) (?:\w+ ){0,3}(?:on purpose|"
            r"deliberately)|"
            r"(?:punch|punching|punched|hit|hitting) (?:the )?wals? to hurt",
        ),
        # The tool against the body: "took a razor to my arm", "blade on my thigh".
        Phrase(
            "blade_to_body",
            r"(?:razor|blade|knife|glass|lighter|scissors|compass)s? (?:to|on|across|against|"
            r"into) (?:my|my own) (?:wrists?|arms?|thighs?|skin|legs?|stomach|hands?|hips?)",
        ),
        Phrase("emoji_blade_blood", r"(?:🔪|🗡|🪒|✂)(?: \S+)? 🩸|🩸(?: \S+)? (?:🔪|🗡|🪒|✂)"),
    ),
    C.RESEARCH: (
        # Asking for a method is research even without "look up".
        Phrase(
            "quickest_way",
            r"(?:quickest|easiest|fastest|surest|least painful|most painles|best|cleanest) "
            r"(?:way|method)s? to (?:die|end (?:it|it al|my life|things|everything)|"
            r"kil <<myself>>|go(?= \.|$| without| asking| for (?:good|me)))",
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
    ),
}

COMBINATIONS: dict[Category, tuple[Combination, ...]] = {
    # A means alone is ordinary ("took my vitamins", "crossed the bridge"); with
    # self-directed intent or a final act beside it, it is a method.
    C.MEANS: (
        Combination("means_with_intent", ("<<means>>", "<<intent>>")),
        Combination("jump_with_intent", ("<<intent>> <<jump>>", "<<place>>")),
    ),
    # A time or a decision alone is ordinary ("tonight I'll ask"); beside a final act it
    # is a plan.
    C.PLANS: (
        Combination("time_and_final_act", ("<<time>>", "<<final_act>>"), window=70),
        # "I'll do it" is usually an ask in this product; secrecy or certainty makes it a plan.
        Combination("covert_do_it", ("<<covert>>", "(?:do|doing) it"), window=50),
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
