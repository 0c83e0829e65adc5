"""English crisis vocabulary, part 2: the phrases, and ``ENGLISH`` (shape: ``vocabulary.py``).

Patterns are plain-spelling regular expressions over chat tokens: contractions are already
opened ("do not", "i am"), doubled letters squashed, text speak expanded. ``<<name>>`` is
replaced by the fragment of that name (fragments, context words and combinations are in
``english_words.py``). Comments say why a word is in or out.
"""

from __future__ import annotations

from bot.domain.crisis.english_words import (
    COMBINATIONS,
    FIGURATIVE,
    FRAGMENTS,
    INTENSIFIER,
    NEGATION,
)
from bot.domain.crisis.vocabulary import Category, Phrase, Vocabulary

C = Category

PHRASES: dict[Category, tuple[Phrase, ...]] = {
    C.EXPLICIT_INTENT: (
        # The word and its misspellings; "social/career suicide" and the film are idioms.
        Phrase(
            "suicide_word",
            r"(?<!social )(?<!career )(?<!political )(?:<<suicide>>)"
            r"(?! squad| prevention| awarenes| statistics| rates?(?!\S))",
        ),
        Phrase("unalive", r"un ?aliv\w*|sewer ?slide\w*"),
        # Working out how to die: the act named, the planning of it said.
        Phrase(
            "planning_how_to_die",
            r"(?:planing|plan|planed|figuring out|figured out|working out|worked out|thinking "
            r"(?:about|of)|researching) (?:how|when|where) (?:to|i (?:wil|would|am going to|"
            r"could)) "
            r"(?:<<die>>(?! my| your| her| his| the| it)|kil <<myself>>|end (?:it al|my life)"
            r"(?! with))",
        ),
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
            r"want (?:my life|it al|everything|life) over(?= \.|$| already| now| with)|"
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
            r"not waking up)|"
            # Not fighting an illness or an accident that would end it.
            r"would not (?:mind|fight it|fight|resist|care) if i (?:\w+ ){0,5}(?:did not|never|"
            r"would not|could not) (?:recover|survive|get beter|come back|make it(?! to| in| on| "
            r"at))",
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
            # "would be so peaceful to just not exist anymore" (not "on social media").
            r"(?:would be|it would be|it is) (?:so |realy |just )?(?:nice|peaceful|easier|a "
            r"relief|beter|calm|quiet) to (?:just )?(?:not (?:exist|be alive|be here|wake up)|"
            r"stop existing)(?! (?:on|in|for|at|online)(?!\S))|"
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
            r"(?:never|not) wake up|(?:hope|wish|pray) i (?:just )?(?:do not|never|wil not|"
            r"would not) wake up"
            # "hope I don't wake up early / before noon" is about sleep, not about dying.
            r"(?! (?:early|late|before|at|in time|on time|til|until|tired|sick|with|to|when|"
            r"on|too|hungover|grumpy)(?!\S))|"
            # Praying not to make it through the night: the same wish with a horizon.
            r"(?:hop|wish|pray)\w*(?: \w+){0,3} (?:that )?i (?:do not|wil not|would not|never) "
            r"(?:make it|survive|last) (?:to|through|til|until) (?:the )?(?:morning|tomorow|"
            r"the night|next (?:week|month|year)|my birthday)|"
            r"(?:wish|hope|pray) i (?:could|would|can) (?:just )?never wake "
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
        # Hoping for the accident or the end, waiting for it, being "fine" if it came.
        Phrase(
            "waiting_for_the_end",
            r"(?:hop|wish|pray)\w* (?:that )?i (?:would |wil |could )?(?:get|got) (?:into |in )?"
            r"(?:an? )?(?:(?:car |fatal |bad )?acident|crash)(?! free| claim| report| insurance)|"
            r"(?:just |only |basicaly |simply )?waiting (?:to <<die>>|for (?:death|my death|"
            r"the end(?! of)|it al to end|my life to end))|"
            r"if (?:a|the|some) (?:car|bus|truck|lorry|train) (?:hit|hits|ran over|runs over|"
            r"kiled|kils|ran|runs) me(?: over)?(?: \w+){0,3} (?:(?:that is|it would be|would be|"
            r"i would be|honestly|tbh)(?: \w+)? )?(?:fine|ok|okay|good|a relief|relieved|whatever|"
            r"not mind)(?= \.|$| honestly| tbh| by me| with me| realy)|"
            r"(?:ok|okay|fine|happy|at peace|alright) with (?:it al|everything|my life|life|it) "
            r"(?:just )?(?:ending|being over|stoping)(?! early| soon| at| with| before| after| on"
            r"| here| there)|"
            r"(?:can not|do not|never|can not realy) (?:se|imagine|picture) myself (?:being |"
            r"still )?(?:here|around|alive)(?: (?:next|in a|in (?:\w+ )?(?:years?|months?)|by|at) "
            r"\w+| much longer| for long)"
            r"(?!.{0,40}(?:moving|move|travel\w*|vacation|holiday|trip|job|new city|uni|colege|"
            r"schol|because|since|company|town|city|country))",
        ),
        Phrase(
            "disappear_forever",
            r"(?:disappear|vanish|be gone) (?:forever|for good|permanently)"
            r"<<not_a_move>>|"
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
            # "noose" and "nose" squash alike: a noose is one made, tied or around a neck,
            # never "the bridge of my nose".
            r"hang <<myself>>|(?:tie|tied|tying|made|make|making|bought|have|got|buy|hung|"
            r"hanging|fixed|fix|put|is|there is|keep|kept|hid|hide|hidden)(?: up)? (?:a|the|my) "
            r"noose(?! job| ring| piercing| bleed\w*| for| like| hurts| is (?:runing|stufy|"
            r"blocked))|"
            r"noose (?:around|round|ready|is ready|hanging|on)(?: my neck)?|"
            r"(?<!my )(?<!your )(?<!his )(?<!her )(?<!the )(?<!a )noose(?= \.|$| 🪢)|"
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
            # Counted out, "more than enough": the supply checked, not a week's doses.
            r"(?:counted|counting|lined up|laid out) (?:out )?(?:al )?(?:of )?(?:the |my )?"
            r"(?:pils|tablets|meds|painkilers|sleping pils)(?: \w+){0,6} (?:more than )?"
            r"enough(?= \.|$| now| for me)|"
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
            r"(?:(?:going to|want to|wil|il|thinking (?:about|of)|should|could) (?:just )?(?:drive|"
            r"crash|steer|swerve)|(?:thinking (?:about|of)|imagining|picturing|fantasi[sz]ing "
            r"about|(?:kep|keep) (?:thinking about|picturing)) (?:just )?(?:driving|crashing|"
            r"steering|swerving)) (?:\w+ ){0,3}(?:into|of) (?:a|the|an|some) (?:\w+ )?(?:wal|tree|"
            r"clif|bridge|barier|truck|lorry|river|pilar|lake)|"
            # A gun held or loaded, to the head or right now.
            r"(?:holding|loaded|have|got) (?:a|the|my \w+|my) (?:gun|pistol|rifle|shotgun) "
            r"(?:right now|in my hand|to my head|in my mouth)|loaded (?:a|the|my \w+|my) "
            r"(?:gun|pistol|rifle|shotgun)(?= \.|$| and)",
        ),
        # A bath run and a blade set out, unless shaving explains it.
        Phrase(
            "blade_by_the_bath",
            r"(?:filed|filing|fil|ran|run|runing) (?:the|a|my) (?:bath|tub)(?: \w+){0,4} (?:got|"
            r"get|geting|took|have|laid|put) (?:out )?(?:the|a|my) (?:razor|blade|razor blade|"
            r"knife|blades)(?: out| ready| next to (?:it|me))?(?!.{0,30}(?:shav\w*|legs|beard|"
            r"trim\w*|armpits|wax\w*))",
        ),
        # Lying or standing on the tracks (or about to be) is not a commute.
        Phrase(
            "on_the_tracks",
            r"(?:(?:going to|gonna|wil|il|want to|plan to|planing to|about to|ready to|thinking "
            r"(?:about|of)) (?:go )?(?:be|lie|lay|stand|sit|wait|step|walk|jump|being|lying|"
            r"standing|stepping|walking))(?: down)? (?:on|onto|across) (?:the |train |railway )?"
            r"(?:tracks|rails|railway line|train line|ledge)|"
            r"(?:lie|lay|lying|laying) (?:down )?(?:on|across) (?:the |train |railway )?"
            r"(?:tracks|rails|railway line)",
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
            r"i have a plan and|"
            # Knowing when *and* how or where, said as settled: not "a date and a time for
            # the interview", not "when and where the party is".
            r"(?:know|have|have got|got|picked|chose|chosen)(?: exactly| already)? (?:the |a )?"
            r"(?:date|day|time|when|where|place|spot|how|way|method) (?:and|&) (?:the |a )?"
            r"(?:date|day|time|when|where|place|spot|how|way|method)(?= \.|$| i am going to do "
            r"it| (?:just )?waiting| it is happening| now)<<not_an_ask>>|"
            # Done after a date, the way already known: "after my results I'm done, I know how".
            r"i am done(?: \w+){0,2} i (?:already )?know (?:exactly )?how(?= \.|$)|"
            r"i (?:already )?know (?:exactly )?how i am going to do it<<not_an_ask>>|"
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
            r"my last (?:day|night|weekend|week|birthday|christmas) (?:alive|on (?:this )?earth)|"
            # A horizon, then not being around: "by the end of the month I won't be around".
            r"(?:by|before) (?:the end of )?(?:the|this|next) (?:month|week|year|summer|winter|"
            r"weekend|semester)(?: \w+){0,2} i (?:wil not|am not going to|might not) be (?:around|"
            r"here|alive)(?!.{0,40}(?:moving|move|travel\w*|vacation|holiday|trip|job|new city|"
            r"because|since|abroad|away|ofice|work|uni|colege|schol|much|as much|to help))",
        ),
    ),
    C.PREPARATIONS: (
        Phrase(
            "letters_for_after",
            r"(?:wrote|writing|write|written|left|leaving|leave) (?:(?:a|my|the|some) )?"
            r"(?:(?:goodbye|last|suicide|final) )?(?:notes?|leters?)(?: \w+){0,5} (?:(?:for|so) "
            r"(?:\w+ ){1,2}to find|for "
            r"(?:after|afterwards|when (?:i am gone|they find me)|my (?:family|parents|mum|mom|"
            r"dad|kids|friends)(?! (?:to|about|saying|asking|because|on|in|when)(?!\S)))|to say "
            r"goodbye)|goodbye (?:notes?|leters?)|"
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
            r"(?:put|puting|geting|got|sorting|sorted) (?:al )?my afairs in order"
            # ... not "for tax season" or "before the move": only for after, or said alone.
            r"(?! (?:for|before) (?!when|after|afterwards|my (?:family|kids|parents)))|"
            r"(?:a )?(?:nice |good |happy )?last memory of me|"
            r"(?:something|things) to remember me by|"
            # The will done and the passwords handed over: affairs settled for someone else.
            r"(?:my )?wil (?:is )?(?:al )?(?:sorted|done|ready|writen|signed|in order)"
            r"(?: \w+){0,6} (?:(?:knows|has|have|gave|give|giving|told|sent|left|shared|showed|"
            r"wrote down|writen down)(?: \w+){0,3} (?:paswords|pins?|bank details|acount "
            r"details)|who gets)",
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
            r"(?:say|said|saying) good ?bye before i go|"
            # "the last time you'll hear from me", "you won't hear from me again".
            r"(?:the )?last time (?:you wil|youl|you|anyone wil|anyone|you are going to) (?:ever )?"
            r"(?:hear from|se|talk to) me|(?:you|no one|nobody|anyone) (?:wil|wil not|wont) "
            r"(?:ever )?(?:hear from|se) me again"
            r"(?! (?:til|until|before|for|this|today|tonight|on|at|in|after)(?!\S))|"
            # Love or thanks said "one last time before I go", not before a trip.
            r"(?:teling|tel|told|say|saying|said|let|wrote|texted|mesaged|sent) (?:\w+ ){0,4}"
            r"(?:i love (?:them|you|him|her)|thank you|thanks|sory)(?: \w+){0,2} (?:one )?"
            r"(?:last|final) time"
            r"(?!.{0,30}(?:trip|gap year|move|moving|holiday|vacation|abroad|company|job|schol|"
            r"leave for|go (?:on|to|back|abroad)|flight|semester|(?:se|sing|play|perform)\w*))|"
            # A goodbye with thanks or "you were nice to me": said to someone, as a farewell.
            r"(?:wanted|want|ned) to say (?:good ?bye|bye|farewel)(?: \w+){0,2} (?:you were|you "
            r"have ben|thank you for (?:everything|being|trying)|thanks for (?:everything|being|"
            r"trying))(?!.{0,40}(?:se you|til|until|next (?:week|time|term)|tomorow|later|for now|"
            r"team|colleagues|job|last day|shift|moving|leaving|trip|work with))",
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
            # "they'd be better off", said as the end of the thought.
            r"(?:they|everyone|everybody|my \w+|people|the world) (?:would|wil) (?:al |honestly )?"
            r"be (?:so |much |a lot )?beter of(?= \.|$| honestly| tbh| realy| anyway)|"
            # What the others would gain: money saved, getting over it, moving on.
            r"(?:would|wil) (?:save (?:so |a lot of )?(?:much )?(?:money|time|stres)|have (?:more|"
            r"so much more|less to \w+)|get over it|move on|forget (?:about )?me|be richer|be "
            r"freer)(?: \w+){0,4} if i (?:was|were) (?:not (?:here|around|alive)|gone|dead)"
            r"(?! (?:for|on|at|this|to|during|til|until|next|tomorow|today|tonight|anymore to "
            r"help)(?!\S))|"
            r"(?:relieved|glad|happier) if i (?:just )?(?:died|was gone|were gone|was dead|"
            r"disappeared|vanished|was not (?:here|around))|"
            r"kinder (?:to (?:everyone|everybody|them|al) )?(?:to|if i (?:just )?)(?:disappear|"
            r"disappeared|die|died|went|was gone)",
        ),
        Phrase(
            "a_burden",
            # ... but "I feel like a burden when I ask" is the social anxiety this bot is for.
            # Nor a burden "on the waiter" (someone passing, not one's people), nor one "when
            # I talk about my ex" (a moment, not a life).
            r"(?:(?:i am|i feel like|i am just|i am only|such) (?:a|such a|just a|only a)? ?|"
            r"(?:and|just|only|realy) (?:a )?(?=burden (?:to|on) ))burden"
            r"(?: (?:to|on) <<my_people>>)?(?! (?:to|on) (?!<<my_people>>))"
            r"(?!.{0,40}(?<!\S)(?:when i(?! am (?:alive|here|around))|whenever i|if i|asking|"
            r"to ask|for asking|ask for|ask them|favour|favor)(?!\S))|"
            r"i am (?:just |only |such )?(?:a )?waste of (?:space|oxygen|air|a life)"
            r"(?! (?:at|in|on|when|today|lol)(?!\S))|"
            r"i (?:only |just )?make (?:life|everything|things) (?:harder|worse) for <<my_people>>"
            r"(?!.{0,40}(?<!\S)(?:when i|by|with my|if i)(?!\S))|"
            r"(?:draging|bringing) (?:everyone|everybody|them|people) down|"
            r"i am (?:just |only )?(?:a )?dead weight|"
            r"i am nothing but (?:a |an )?(?:weight|burden|drain|millstone|waste of space)|"
            # "all I do is cost my parents money and stress".
            r"al i (?:ever )?do is (?:cost|cause|give|bring|make) (?:<<my_people>> )?(?:\w+ "
            r"(?:and )?)?(?:stres|pain|grief|trouble|worry|problems|disappointment|heartache|"
            r"misery)(?! about| at| over)|"
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
        # A relapse after a clean stretch, and a body covered in cuts (not by a cat or brambles).
        Phrase(
            "relapse_after_clean",
            r"relapsed(?: and)?(?: cut| burned| hurt myself)?(?: again)? (?:for the )?first time "
            r"in|"
            r"(?:relapsed|cut|burned) (?:again )?(?:for the )?first time in (?:\w+ ){0,2}(?:days|"
            r"weeks|months|years)|(?:cut|relapsed|burned|self harmed)(?: again)? after (?:\w+ "
            r"){1,2}(?:days|weeks|months|years) (?:clean|free)|"
            r"my (?:arms?|wrists?|thighs?|legs?|stomach|hips?|skin) (?:are|is) (?:covered in|ful "
            r"of|al) (?:fresh |new |deep )?(?:cuts|burns)(?! from| after| because)"
            r"(?!.{0,30}(?:cat|kiten|garden\w*|bramble\w*|hike|hiking|rose|thorn\w*|climb\w*|"
            r"surgery|acident|fal))",
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
            r"(?:what|which) (?:way|method) (?:to go|to die|of dying|to do it)(?: \w+){0,2} "
            r"(?:hurts? (?:the )?least|is (?:the )?(?:least painful|painles))|"
            # Whether a method is quick or hurts: "is hanging quick", "does drowning hurt".
            r"(?:is|would|does|wil) (?:hanging|drowning|overdosing|an overdose|bleding out|"
            r"suffocating|an od|slitting (?:your|my) wrists) (?:realy |actualy )?(?:quick|"
            r"painles|painful|fast|peaceful|instant|hurt)|"
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
            r"(?:how high|how tal|how many floors|(?:which|what) (?:floor|height)|high enough|how "
            r"far (?:down|do you|would you))(?: \w+){0,8} "
            r"(?:to|so|that|and|would|wil|for) (?:\w+ ){0,2}(?:die|kil \w+|be fatal|be lethal|"
            r"(?:not|never|do not|would not|wil not|can not) survive)",
        ),
        Phrase(
            "how_many_would_it_take",
            r"how (?:many|much) (?:\w+ ){0,2}(?:pils|tablets|meds|paracetamol|insulin|"
            r"painkilers|sleeping pils|of (?:them|these|my meds))(?: \w+){0,3} "
            r"(?:(?:would|wil|does|to) (?:it take|kil|be fatal|be lethal|be enough)|(?:is|are) "
            r"(?:to many|to much|enough) to (?:not )?(?:survive|die|kil|wake up))|"
            # "what dose of my meds would kill someone": an amount asked for its lethality.
            r"(?:what|which|how much|how big a) (?:dose|amount|quantity|number)(?: of \w+){0,2}"
            r"(?: \w+){0,3} (?:would|wil|could|to) (?:kil (?:someone|a person|me|you|myself|an "
            r"adult|a human)|be (?:fatal|lethal|enough to (?:die|kil)))",
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


ENGLISH = Vocabulary(
    language="en",
    fragments=FRAGMENTS,
    negation=NEGATION,
    intensifier=INTENSIFIER,
    figurative=FIGURATIVE,
    phrases=PHRASES,
    combinations=COMBINATIONS,
)
