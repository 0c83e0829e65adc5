"""Spanish crisis vocabulary (data in the shape of ``vocabulary.py``).

The categories and their reasons are those of the English set (package docstring); this
file says how Spanish speakers put them. Patterns are regular expressions over chat tokens
(``normalise.chat_tokens(text, "es")``): lower case, accents and the tilde folded
("mañana" -> "manana", "sí" -> "si"), doubled letters squashed ("llorar" -> "lorar",
rule data is squashed the same way), commas dropped, sentence ends kept as ".".
So patterns are written *without* accents or "ñ".

Spanish says "myself" with a clitic pronoun, before the verb or glued to it ("me quiero
matar", "quiero matarme", "me mato"), and its figurative speech borrows the same verbs
("me muero de vergüenza", "me mató de risa", "me tiré a la piscina" for taking the plunge,
"me corté" for getting shy): the lookaheads below name those tails.
"""

from __future__ import annotations

from bot.domain.crisis.vocabulary import Category, Combination, Phrase, Vocabulary

C = Category

FRAGMENTS: dict[str, str] = {
    # Figurative tails of "morir": "de vergüenza / risa / ganas / hambre ...", "por un café".
    "fig_tail": (
        r"(?! (?:de|del) (?:la |los |las )?(?:verguenza|risa|ganas|miedo|sueno|hambre|sed|frio|"
        r"calor|nervios|aburrimiento|envidia|amor|pena|asco|cansancio|curiosidad|ternura|"
        r"alegria|emocion|impaciencia|gusto|susto|cringe)| por (?!mi |mi$)| sin haber)"
    ),
    "morir": r"(?:morir|morirme|morirse|muerto|muerta)<<fig_tail>>",
    # After "me mato / me voy a matar": "de risa", "a estudiar", "estudiando" are figurative.
    "not_figurative": r"(?! (?:de|a|al|con|por|la|el|los|las|un|una|\w+ando|\w+iendo)(?!\S))",
    # Wanting or planning, first person: what makes an infinitive self-directed.
    "want": (
        r"(?:me )?(?:quiero|queria|quisiera|kiero|qiero|necesito|deseo|tengo ganas de|"
        r"me dan ganas de|me entran ganas de|me gustaria|voy a|pienso|pienso en|estoy pensando en|"
        r"he pensado en|pense en|pensando en|planeo|decidi|he decidido|estoy a punto de|"
        r"intente|intentare|ganas de)"
    ),
    "kill_self": (
        r"matarme|suicidarme|quitarme la vida|acabar con mi vida|terminar con mi vida|"
        r"quitarme de en medio|"
        r"ahorcarme|colgarme(?! (?:la|el|los|las|de|del|al))|tirarme (?:de|desde|por|a|al|"
        r"delante) (?:un |una |el |la |las |los )?(?:puente|azotea|tejado|ventana|balcon|"
        r"edificio|vias|tren|metro|coche|camion|autobus|acantilado)"
    ),
    "means": (
        r"(?:las |mis |unas |todas las )?(?:pastillas|pildoras|medicamentos|medicinas|"
        r"somniferos|antidepresivos|calmantes|tranquilizantes|paracetamol|ibuprofeno|insulina)|"
        r"(?:una |la )?(?:cuerda|soga)|(?:la |una |mi )?(?:pistola|escopeta|arma|revolver)|"
        r"cuchilla|navaja|sobredosis|venas"
    ),
    "intent": (
        r"(?:pienso usarla|pienso usarlo|usarla conmigo|usarlo conmigo|para cuando me decida|"
        r"para hacerlo|para matarme|para colgarme|para no despertar|para acabar|quiero|voy a|"
        r"pienso|pensando en|estoy pensando|planeo|he decidido|decidi)"
    ),
    "jump": (
        r"(?:tirarme|me tiro|me voy a tirar|me quiero tirar|saltar|voy a saltar|quiero saltar|"
        r"lanzarme|arrojarme|me lanzo|me arrojo|echarme|aventarme|me aviento|"
        r"me (?:voy|quiero) a aventar|me quiero aventar)"
    ),
    "place": (
        r"(?:un|una|el|la|las|los|mi|este|esta|del|al|desde|por) (?:\w+ )?(?:puente|azotea|"
        r"tejado|ventana|balcon|edificio|acantilado|vias|tren|metro|coche|camion|autobus|"
        r"piso \d+|octavo|decimo)|delante de (?:un|una|el|la) (?:\w+)"
    ),
    "research": (
        r"(?:busque|buscando|buscar|busco|buscado|googlee|googleando|googlear|google|"
        r"investigue|investigando|investigar|lei|leyendo|leer|mire|mirando|pregunte a "
        r"(?:chatgpt|google|la ia))"
    ),
    "lethal": (
        r"sin dolor|indoloro|indolora|letal|letales|mortal|mortales|sobredosis|"
        r"(?:formas|maneras|metodos|modos) de (?:morir|suicidarse|suicidarme|matarse|matarme|"
        r"quitarse la vida)|como (?:suicidarse|suicidarme|matarme|matarse|ahorcarse|"
        r"ahorcarme|morir|quitarme la vida)|no sobrevivir|no despertar|para morir|"
        r"(?:nudo|soga|cuerda) (?:\w+ )?para (?:ahorcar|colgar)\w*"
    ),
    "time": (
        r"esta noche|hoy|manana|este (?:fin de semana|finde|viernes|sabado|domingo|lunes|mes)|"
        r"el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|pronto|"
        r"la semana que viene"
    ),
    "final_act": (
        r"se acaba todo|se acabara todo|(?:acabo|termino|acabare|terminare) con todo"
        r"<<not_object>>|me despido de este mundo|me voy de este mundo|"
        r"dejo este mundo|lo termino todo"
    ),
    # "todo" as a pronoun, not "todo el papeleo".
    "not_object": r"(?! (?:lo|el|la|los|las|esto|este|esta|eso|ese|esa|mi|mis)(?!\S))",
    "no_return": r" \.|$| (?:ya )?(?:no hay|sin) (?:vuelta|marcha) atras(?= \.|$)",
    "covert": (
        r"cuando (?:todos|todo el mundo|mis padres|mi \w+|nadie) (?:se duerman|"
        r"salgan|se vayan|esten dormidos|no este|no esten|este en casa)|"
        r"cuando no haya nadie|cuando (?:me quede|este) sol[oa]|sin que nadie (?:se entere|me vea)"
    ),
}

NEGATION = (
    # "me dijeron que no" is what this product is about, not a negation.
    r"(?:(?<!que )(?<!dijo )(?<!dijeron )(?<!dije )no|nunca|jamas|ni|tampoco)"
    r"(?: (?:me|lo|estoy|estaba|quiero|queria|pienso|pensaba|voy a|iba a|tengo|tenia|he|"
    r"para nada|de verdad|realmente|en serio|nada|mas)){0,3}"
)
INTENSIFIER = r"nunca (?:me he|me habia) sentido (?:tan|asi)"
FIGURATIVE = (
    r"(?:ja){2,}\w*|(?:je){2,}\w*|jsj\w*|xd|lol|😂|🤣|😅|😆|😹|😜|🤪|😄|😁|🙃|🙂|💀|☠|"
    r"verguenza|ridiculo|broma|bromeando|es broma|risa|de los nervios|del mapa|me salio bien|"
    r"salio bien|sobrevivi"
)

PHRASES: dict[Category, tuple[Phrase, ...]] = {
    C.EXPLICIT_INTENT: (
        # "suicidio social" is an idiom, as "social suicide" is in English.
        Phrase("suicide_word", r"(?:suicid|sucid|suisid)\w*(?! social| politico| laboral)"),
        Phrase(
            "kill_myself",
            r"<<want>> (?:<<kill_self>>)|"
            # The clitic makes it self-directed on its own ("pensé en matarme", "el valor de
            # matarme"), unless someone else is the subject ("mi madre va a matarme").
            r"(?<!va a )(?<!van a )(?<!vas a )(?<!quiere )(?<!quieren )(?<!vais a )"
            r"(?:matarme|suicidarme|ahorcarme)<<not_figurative>>|"
            r"me (?:quiero |queria |voy a |pienso |iba a )?(?:matar|suicidar|ahorcar)"
            r"<<not_figurative>>|"
            # "me mato" is also "it killed me" once the accent is folded ("el chiste me
            # mató"): first person only after a time or a subject that makes it so.
            r"(?:^|\. |(?:<<time>>) |yo |ya |mejor |creo que |al final |si \w+ )"
            r"me (?:mato|suicido|ahorco)<<not_figurative>>|"
            # Algospeak ("desvivirse", as "unalive" in English) and leaving "this world".
            r"desviv\w*|(?:irme|me voy|me quiero ir|dejar|dejo|salir|me ire) de este mundo|"
            r"(?:quitarme|me quito|me voy a quitar|me quiero quitar) la vida",
        ),
        Phrase(
            "want_to_die",
            r"(?:<<want>>|ganas de) <<morir>>|me quiero morir<<fig_tail>>",
        ),
        Phrase(
            "end_it_all",
            r"(?:acabar|terminar|acabo|termino|acabare|terminare) (?:con todo|con mi vida|"
            r"de una vez con todo)(?! (?:lo|el|la|los|las|esto|este|esta)(?!\S))",
        ),
        Phrase("kill_me", r"matenme|mat(?:a|e)me (?:ya|por favor)", weak=True),
        Phrase("better_i_die", r"mejor (?:me muero|morirme|me mato)<<fig_tail>>", weak=True),
        Phrase(
            "end_suffering_forever",
            r"(?:acabar|terminar) con (?:este|mi|el|tanto) (?:sufrimiento|dolor) para siempre",
        ),
        Phrase(
            "end_suffering",
            r"(?:acabar|terminar) con (?:este|mi|el|tanto) (?:sufrimiento|dolor)",
            weak=True,
        ),
        Phrase(
            "want_it_over",
            r"quiero que (?:todo|esto) (?:se )?(?:acabe|termine)(?= \.|$| ya)|"
            r"mejor desaparezco(?= \.|$)",
            weak=True,
        ),
    ),
    C.PASSIVE_IDEATION: (
        Phrase(
            "wish_dead",
            r"ojala (?:yo )?(?:estuviera|estuviese|estar) muert[oa]|"
            r"ojala (?:me )?(?:muera|muriera|me muriese)|"
            r"(?:desearia|ojala|quisiera|ojala pudiera) no (?:haber|hubiera|hubiese) "
            r"(?:nacido|existido)|"
            r"(?:seria |es )?mejor (?:estar muert[oa]|no existir|no haber nacido)|"
            r"(?:prefiero|preferiria) (?:estar muert[oa]|morirme|morir)"
            r"(?! (?:de|antes|que|a)(?!\S))|"
            r"(?:ojala|quisiera que|espero que) (?:\w+ ){0,2}me (?:atropell\w*|mate|matara|"
            r"aplast\w*|parta un rayo|caiga un rayo)|"
            r"no me importaria (?:morirme|morir|no despertar|que me atropell\w*)",
        ),
        Phrase(
            "not_want_to_live",
            # Not "no quiero vivir en esta ciudad".
            r"no quiero (?:seguir )?(?:vivir|viviendo|existir|existiendo)"
            r"(?! (?:en|con|cerca|lejos|de|del|al|junto|solo|sola|juntos|asi de)(?!\S))|"
            r"(?:ya )?no quiero (?:estar|seguir) (?:aqui|en este mundo)"
            r"(?! (?:en|con|de|del|a|al|hasta|mas tiempo|trabajando)(?!\S))|"
            r"(?:irme|me (?:quiero |voy a )?ir|me voy) para siempre(?! (?:de|del|a|al)(?!\S))|"
            r"no quiero seguir (?:viviendo|en este mundo|asi)(?= \.|$)|"
            r"(?:dejar de|deje de|dejare de|voy a dejar de) (?:existir|vivir)|"
            r"no aguanto (?:mas )?(?:vivir|seguir viviendo)",
        ),
        Phrase(
            "no_reason_to_live",
            r"(?:no tengo|no hay|sin|ninguna|ni una) (?:\w+ )?(?:razon|motivo|sentido) "
            r"(?:para|de|en) (?:vivir|seguir viviendo|existir)|"
            r"(?:vivir|la vida|mi vida) no tiene sentido|"
            r"no (?:le )?(?:veo|encuentro) (?:el )?sentido (?:a|de|en) (?:vivir|seguir viviendo|"
            r"la vida|mi vida|existir)|"
            r"(?:harto|harta|cansado|cansada) de (?:vivir|la vida|existir|estar viv[oa])|"
            r"nada por lo que vivir|la vida no vale la pena|"
            r"(?:vivir|seguir viviendo|seguir) (?:ya )?no tiene (?:sentido|caso)|"
            r"para que (?:sigo viviendo|seguir viviendo|vivo|estoy viv[oa])|"
            r"(?:no encuentro|no tengo|no veo) (?:\w+ )?(?:razones|motivos|razon|motivo) "
            r"(?:para|de) (?:seguir|vivir)(?= \.|$| viviendo| aqui| adelante)|"
            r"me (?:canse|cansé|he cansado|estoy cansando) de (?:vivir|la vida|existir)|"
            r"no tiene (?:sentido|caso) (?:vivir|seguir viviendo|seguir(?= \.|$))",
        ),
        Phrase(
            "never_wake_up",
            r"(?:ojala|quiero|quisiera|espero|me gustaria|deseo|y) no (?:me )?(?:despertar|"
            r"desperte|despierte|despertarme|volver a despertar)(?! (?:a|al|el|la|los|las|un|"
            r"una|mi|tu|su|nadie|temprano|tarde|pronto|con)(?!\S))|"
            r"no despertar nunca|no volver a despertar|dormir para siempre|"
            r"no quiero (?:volver a )?despertar(?:me)?(?= \.|$| nunca| mas| manana)",
        ),
        Phrase(
            "cant_go_on",
            r"(?:ya )?no puedo (?:seguir|continuar) (?:asi|viviendo|con (?:esto|mi vida|la vida))"
            r"(?= \.|$)|no puedo mas con (?:mi vida|la vida|esto)(?= \.|$)|"
            r"no aguanto mas (?:vivir|esta vida|la vida)",
            weak=True,
        ),
        Phrase(
            "disappear_forever",
            r"desaparecer (?:para siempre|de este mundo|y no volver)",
        ),
    ),
    C.MEANS: (
        Phrase(
            "hoarded_means",
            r"(?:guardad[oa]s|guardando|juntando|junte|juntado|acumulando|acumule|ahorrando|"
            r"escondiendo|escondid[oa]s|reuniendo|reuni) (?:\w+ ){0,3}(?:pastillas|pildoras|"
            r"medicamentos|medicinas|somniferos|antidepresivos|calmantes|tranquilizantes|"
            r"paracetamol|insulina)|"
            r"(?:pastillas|pildoras|medicamentos|somniferos|calmantes) guardad[oa]s",
        ),
        Phrase(
            "shoot_myself",
            r"(?:pegarme|me (?:voy a |quiero )?pego|me voy a pegar|me quiero pegar) un tiro|"
            r"(?:volarme|me vuelo|me voy a volar) la cabeza|dispararme",
        ),
        # Acquired and nothing more said: "ya compré la soga", not "una soga para el columpio".
        Phrase(
            "means_ready",
            r"(?:ya )?(?:compre|consegui|prepare|tengo) (?:la |una )?(?:soga|cuerda)(?= \.|$)|"
            r"(?:pastillas|cuchilla|navaja|soga|cuerda|pistola)(?: \w+){0,2} en la mano|"
            r"(?:cuchilla|navaja|pastillas|soga|cuerda|pistola|arma)s? (?:escondid[oa]s?|"
            r"guardad[oa]s?)(?: \w+){0,2} para (?:cuando|el dia|usar)",
        ),
        Phrase(
            "hang_myself",
            r"colgarme(?! (?:la|el|los|las|de|del|al)(?!\S))|ahorcarme|me (?:voy a|quiero) "
            r"(?:colgar|ahorcar)(?! (?:la|el|los|las|de|del|al)(?!\S))|soga al cuello",
        ),
        Phrase(
            "swallow_all",
            r"(?:tomarme|tomar|tragarme|tragar|me tomo|me tomare|me trago|tomare|me tome) "
            r"(?:todas|toda|un monton de|un punado de|la caja de|el bote de|el frasco de) "
            r"(?:\w+ ){0,2}(?:pastillas|pildoras|medicamentos|somniferos|calmantes|"
            r"antidepresivos)|"
            r"(?:cortarme|abrirme|me corto|me abro) las (?:venas|munecas)",
        ),
        Phrase(
            "into_water",
            r"(?:ahogarme|meterme (?:al|en el) (?:mar|rio|lago)(?: \w+){0,3} (?:hasta no|"
            r"y no (?:volver|salir)))",
        ),
    ),
    C.PLANS: (
        Phrase(
            "decided",
            # A decision with nothing after it, or with "no turning back" after it.
            r"ya (?:lo )?(?:tengo |esta )?(?:todo )?decidido(?=<<no_return>>)|"
            r"ya tome la decision(?=<<no_return>>)|ya decidi (?:cuando|como)|"
            r"lo tengo todo (?:planeado|pensado|preparado)(?=<<no_return>>)|"
            r"(?:tengo|ya tengo|elegi|he elegido|ya elegi) (?:el dia|la fecha)(?: elegid[oa])?"
            r"(?= \.|$)|"
            r"hoy es el dia(?= \.|$| no (?:voy|me voy) a echarme atras)",
        ),
        Phrase(
            "not_around_much_longer",
            r"ya no estare(?! (?:en|con|de|para (?:la|el))(?!\S))|"
            r"(?:ya no|pronto no) (?:voy a|vaya a) estar(?: aqui| mas)?(?= \.|$| la semana| el mes"
            r"| para)|no creo que llegue (?:a|al|hasta) (?:mi|el|la|fin de) \w+|"
            r"(?:esta es|sera) mi ultima (?:noche|semana)(?= \.|$)|"
            r"mi ultimo dia (?:de vida|en este mundo|viv[oa])",
        ),
    ),
    C.PREPARATIONS: (
        Phrase(
            "letters_for_after",
            r"cartas? de despedida|notas? (?:de suicidio|suicidas?)|"
            r"(?:ya )?(?:escribi|deje|tengo) (?:las |mis )?(?:cartas|notas) para (?:mi familia|"
            r"mis padres|mis hijos|mi madre|mi mama|mi padre|mi papa|mis hermanos|todos)"
            r"(?= \.|$)|"
            r"(?:carta|cartas|nota|notas|todo)(?: \w+){0,6} para "
            r"(?:despues(?! de)|cuando (?:no este|"
            r"ya no este|me vaya|me muera|me encuentren|no estoy))|"
            r"(?:carta|cartas|nota|notas|todo)(?: \w+){0,6} por si (?:me pasa algo|no vuelvo|"
            r"no estoy|ya no estoy)",
        ),
        Phrase(
            "giving_away",
            r"(?:regalando|repartiendo|dando|regale|reparti|regalar|repartir|di|doy|regalo) "
            r"(?:todas |todos )?(?:mis cosas|mis pertenencias|todo lo que tengo)|"
            r"(?:hice|escribi|hacer|he hecho) mi testamento|"
            r"(?:tengo|ya tengo) (?:la|mi) (?:carta|nota) (?:escrita|lista|preparada)(?= \.|$)",
        ),
        Phrase(
            "last_message",
            r"(?:este es|es|sera|aqui va) mi (?:ultimo|ultima) (?:mensaje|despedida)"
            r"(?! (?:por|de|del|antes de) \w+)|"
            r"adios para siempre|hasta siempre|adios mundo cruel|"
            r"(?:ya )?no (?:me )?(?:van|vas|vais) a (?:volver a )?ver(?: nunca)? mas|"
            r"no me volver\w* a ver|nunca mas me (?:van|vas|vais) a ver|"
            r"(?:despedirme|me despido|me estoy despidiendo|me despedi|despidiendome) "
            r"(?:de todos|de todo el mundo|para siempre)(?! (?:en|los|las|hasta)(?!\S))|"
            r"despedirme antes de irme(?= \.|$)",
        ),
        Phrase(
            "goodbye_everyone",
            r"(?<!dormir )(?<!noches )adios a todos"
            r"(?! (?:en|los|las|hasta|nos vemos|buenas)(?!\S))",
            weak=True,
        ),
    ),
    C.BURDEN: (
        Phrase(
            "better_off_without_me",
            r"(?:mejor|mas felices|mas feliz|mas tranquil[oa]s?|mas facil) (?:\w+ )?sin mi|"
            r"(?:mejor|mas felices|mas feliz|mas tranquil[oa]s?|mas facil) (?:\w+ )?si (?:yo )?"
            r"(?:no (?:estuviera|existiera|estuviese|existiese|hubiera nacido)|desapareciera|"
            r"me muriera|muriera|me fuera)|"
            r"nadie (?:me )?(?:extranaria|echaria de menos|notaria|se daria cuenta|lloraria)"
            r"(?: \w+){0,2} si (?:me muriera|muriera|desapareciera|no estuviera|me fuera|"
            r"me muero|muero|me mato)|"
            r"a nadie le importaria si (?:me muero|me muriera|desapareciera|no estuviera)|"
            r"(?:a )?nadie (?:le |me )?(?:va a |iba a )?(?:importar\w*|extranar\w*|echar\w* de "
            r"menos|notar\w*|dar\w* cuenta)(?: \w+){0,2} (?:si|cuando) (?:me muero|me muera|muero|"
            r"me vaya|no este|desaparezca|me mato)|"
            r"si (?:me muero|me muriera|desaparezco|me voy) (?:a )?nadie (?:le |me )?"
            r"(?:va a |iba a )?"
            r"(?:importar\w*|extranar\w*|echar\w* de menos|notar\w*|dar\w* cuenta)|"
            r"(?:ya )?no (?:voy a|volvere a) molestar a nadie(?: mas)?(?= \.|$| adios)|"
            r"si (?:yo )?no estuviera (?:nadie|ninguno) (?:lo )?(?:notaria|echaria de menos|"
            r"extranaria)|"
            r"(?:se )?librar\w* de (?:un problema|una carga|mi)(?: \w+){0,2} si (?:me muero|muero|"
            r"desaparezco|no estuviera|no estoy|me mato)|"
            r"les haria un favor si (?:me muriera|muriera|desapareciera|no estuviera)",
        ),
        Phrase(
            "a_burden",
            # ... but "me siento una carga cuando pido favores" is social anxiety.
            r"soy (?:solo |solamente |nada mas que )?(?:una|un) "
            r"(?:carga|estorbo|peso|lastre|molestia)"
            r"(?!.{0,40}(?<!\S)(?:cuando pido|pedir|pidiendo|pido|favor|favores)(?!\S))",
        ),
    ),
    C.SELF_HARM: (
        Phrase("self_harm_word", r"auto ?lesi\w*|me autolesiono|cutting"),
        Phrase(
            "cutting",
            r"(?:me corto|me corte|cortarme|me estoy cortando|me he cortado|me hago cortes|"
            r"me hice cortes|hacerme cortes) (?:en )?(?:los |las |el |la )?(?:brazos?|piernas?|"
            r"munecas?|muslos?|piel|venas|barriga)|"
            r"(?:volvi a|vuelvo a|ganas de|quiero|necesito|recai y|sigo) (?:cortarme|me corte|"
            r"me corto)|"
            r"(?:me corte|me corto|me estoy cortando|me he cortado) (?:otra vez|de nuevo)|"
            r"(?:me hago|me hice|hacerme) (?:heridas|cortes)|"
            r"me (?:corto|quemo|lastimo|hago dano|pego|golpeo|rasguno) para (?:sentir|no sentir|"
            r"calmar\w*|aliviar\w*|castigarme|desahogarme)|"
            r"(?:estuve|he estado|sigo|estoy) cortandome|me (?:estuve|he estado|sigo) cortando|"
            r"hace (?:\w+ ){1,2}que no me (?:corto|lastimo|hago dano|autolesiono)(?: \w+){0,3} "
            r"(?:recai|volvi a hacerlo|hoy si)",
        ),
        Phrase(
            "hurt_myself",
            r"(?:me hago dano|hacerme dano|lastimarme|me lastimo|golpearme|me golpeo|"
            r"me pego|pegarme|quemarme|me quemo|rasgunarme|me rasguno|morderme|me muerdo)"
            r"(?! (?:el|la|los|las|un|una|en|con (?:la|el) (?:mesa|puerta|sarten|horno|olla|"
            r"plancha)|jugando|corriendo|sin querer|cocinando)(?!\S))|"
            r"(?:hice|hago|queme|quemo|corte|corto|golpee|golpeo|pegue|pego|rasgune|rasguno|"
            r"lastime|lastimo)(?: \w+){0,3} (?:a proposito|adrede|aposta)|"
            r"hasta (?:sangrar|hacerme sangre|que (?:me )?sangr\w*)|"
            r"(?:cabeza|cabezazos) contra la pared|me (?:pego|doy) (?:punetazos|golpes|"
            r"cachetadas)|"
            r"me (?:lastimo|quemo|golpeo|rasguno|muerdo|corto) (?:los|las|mis) (?:brazos|piernas|"
            r"munecas|muslos|manos)",
        ),
    ),
    C.RESEARCH: (
        Phrase(
            "quickest_way",
            r"(?:forma|manera|modo|metodo)s? (?:mas|menos) (?:facil|rapid[oa]|doloros[oa]|"
            r"segur[oa]|sencill[oa]|limpi[oa]) (?:de|para) (?:morir|matarme|suicidarme|"
            r"acabar con (?:todo|mi vida)|quitarme la vida)",
        ),
        Phrase(
            "height_to_die",
            r"(?:que|cual|cuanta|cuantos|cuantas) (?:piso|pisos|altura|metros)(?: \w+){0,6} "
            r"(?:para|es|seria|para que) "
            r"(?:\w+ )?(?:morir|matarme|mortal|letal|no sobrevivir|sea mortal)",
        ),
        Phrase(
            "how_many_would_it_take",
            r"cuant(?:as|os) (?:\w+ ){0,2}(?:pastillas|pildoras|ibuprofenos|paracetamol|"
            r"paracetamoles|somniferos|calmantes|antidepresivos|de (?:ellas|estas|mis pastillas))"
            r"(?: \w+){0,4} (?:para (?:morir|no despertar|matarme|una sobredosis)|"
            r"(?:bastarian|serian suficientes|harian falta|hacen falta|(?:son|serian) "
            r"(?:mortales|letales))(?= \.|$))",
        ),
        Phrase(
            "lethal_dose",
            r"dosis (?:letal|mortal)|(?:que|cual|cuanta) (?:dosis|cantidad)(?: \w+){0,3} "
            r"(?:es|seria|son) (?:mortal|letal)",
        ),
        Phrase(
            "how_to_kill_myself",
            r"como (?:suicidarse|suicidarme|matarme|matarse|ahorcarse|ahorcarme|quitarme la vida"
            r"|morir sin dolor)",
        ),
    ),
}

COMBINATIONS: dict[Category, tuple[Combination, ...]] = {
    # A means alone is ordinary ("me tomé las vitaminas", "crucé el puente"); with
    # self-directed intent beside it, it is a method.
    C.MEANS: (
        Combination("means_with_intent", ("<<means>>", "<<intent>>"), window=60),
        Combination("jump_from_place", ("<<jump>>", "<<place>>"), window=40),
    ),
    C.PLANS: (
        Combination("time_and_final_act", ("<<time>>", "<<final_act>>"), window=60),
        # "lo hago" is usually an ask in this product; secrecy makes it a plan.
        Combination(
            "covert_do_it", ("<<covert>>", "(?:lo hago|lo voy a hacer|hacerlo|lo hare)"), 50
        ),
    ),
    C.PREPARATIONS: (
        Combination(
            "sorry_for_everything_goodbye",
            ("perdon\\w* por todo<<not_object>>", "adios"),
            window=40,
        ),
        # Giving things away "because I won't need them".
        Combination(
            "giving_away_not_needed",
            (
                "(?:dejar|dejo|regalo|regalar|doy|dar|reparto|repartir) "
                "(?:\\w+ )?(?:mis cosas|todo)",
                "(?:no|ya no) (?:las|los|lo|me) (?:voy a |vaya a |van a )?"
                "(?:necesit\\w*|hacer falta)",
            ),
            window=60,
        ),
        Combination(
            "farewell_with_love",
            (
                "(?:me estoy despidiendo|me despido de (?:ustedes|vosotros|todos)|"
                "despedirme de (?:ustedes|vosotros|todos))",
                "(?:los|las|os) quiero|gracias por todo|perdon\\w*|para siempre",
            ),
            window=60,
        ),
    ),
    C.RESEARCH: (Combination("research_lethal", ("<<research>>", "<<lethal>>"), window=70),),
}

SPANISH = Vocabulary(
    language="es",
    fragments=FRAGMENTS,
    negation=NEGATION,
    intensifier=INTENSIFIER,
    figurative=FIGURATIVE,
    phrases=PHRASES,
    combinations=COMBINATIONS,
)
