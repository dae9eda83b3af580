# Markup: {P|...} person, {O|...} org, {L|...} place, {F|...} figure. <PB> = page break.
NB = "\u00a0"

B = []

B.append(
    dict(
        name="2019-03-05_045.txt",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="·",
        header="COMUNICADO No. 045/2019\n{L|Monterrey}, {L|Nuevo León}, a 5 de marzo de 2019.",
        title="Abre {O|IMSS} nueva {O|Unidad de Medicina Familiar} en {L|Apodaca} con inversión de {F|28.9 mdp}",
        highlights=[
            "La unidad cuenta con {F|diez} consultorios y atenderá a cerca de {F|48 mil} derechohabientes del norte del área metropolitana de {L|Monterrey}.",
            "La obra generó más de {F|130} empleos directos durante su construcción, informó el delegado del {O|IMSS} en {L|Nuevo León}, {P|Arturo Cantú Elizondo}.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) puso en operación la {O|Unidad de Medicina Familiar} No. 92 en el municipio de {L|Apodaca}, {L|Nuevo León}, que con una inversión de {F|28.9 millones de pesos} ampliará la atención de primer nivel para trabajadores de la industria y sus familias.",
            "Durante la ceremonia de apertura, realizada a las 10:00 horas, el delegado del {O|IMSS} en {L|Nuevo León}, {P|Arturo Cantú Elizondo}, explicó que el nuevo inmueble tiene {F|diez} consultorios de medicina familiar, {F|dos} de estomatología, laboratorio clínico, rayos X y farmacia, con horario de atención de 8:00 a 20:00 horas en días hábiles.",
            "“Esta unidad responde a la demanda de una zona que creció muy rápido; aquí viven familias que antes tenían que trasladarse más de una hora para consultar a su médico”, señaló.",
            "Añadió que la plantilla de la unidad se integra por {F|64} trabajadores, entre ellos {F|20} médicos familiares y {F|18} enfermeras, quienes fueron contratados en su mayoría en la propia región.",
            "Por su parte, la presidenta municipal de {L|Apodaca}, {P|Leticia Garza Montemayor}, agradeció al {O|Seguro Social} la construcción de la unidad y recordó que el municipio donó el terreno de {F|5 mil 400} metros cuadrados en el que se levantó el edificio.",
            "“El crecimiento industrial de {L|Apodaca} necesita servicios de salud a la altura; con esta clínica, las trabajadoras y los trabajadores ya no tendrán que acudir al {O|Hospital General de Zona} No. 6 para una consulta de rutina”, expresó.",
            "{P|Cantú Elizondo} detalló que en {L|Nuevo León} el {O|IMSS} atiende a {F|4 millones 300 mil} derechohabientes y que en los últimos {F|tres} años la demanda de consulta en la zona norte aumentó {F|18 por ciento}.",
            "Al acto asistieron representantes del {O|Sindicato Nacional de Trabajadores del Seguro Social} ({O|SNTSS}), de la {O|Secretaría de Salud de Nuevo León} y de la {O|Cámara de la Industria de Transformación de Nuevo León} ({O|Caintra}).",
        ],
        tail="---o0o---\n\nLINK DE FOTOS\n\nhttps://example.org/imss/fotos/2019/045-apodaca\n",
        meta=dict(
            number="045/2019",
            kind="Comunicado",
            date="2019-03-05",
            city="Monterrey, Nuevo León",
            links=[("fotos", "https://example.org/imss/fotos/2019/045-apodaca")],
            footer_dropped=["---o0o---"],
            artefacts_dropped=[],
        ),
    )
)

B.append(
    dict(
        name="2019-11-21_560.txt",
        enc="cp1252",
        nl="\n",
        lead="",
        sep="\n",
        bullet="·",
        header="{L|Ciudad de México}, 21 de noviembre de 2019\nBoletín conjunto No. 560/2019",
        title="Suman {O|IMSS}, {O|ISSSTE} y {O|Secretaría de Salud} esfuerzos en la campaña invernal de vacunación contra influenza",
        highlights=[
            "Se instalarán {F|1,250} módulos de vacunación en centros de trabajo, escuelas, mercados y estaciones del transporte público.",
            "“La vacuna es segura y gratuita; no hay que esperar a enfermarse para acudir”: {P|Beatriz Olmedo Zúñiga}.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}), el {O|Instituto de Seguridad y Servicios Sociales de los Trabajadores del Estado} ({O|ISSSTE}) y la {O|Secretaría de Salud} iniciaron la Campaña de Vacunación Invernal 2019-2020, con la meta de aplicar {F|35 millones} de dosis contra la influenza estacional en todo el país antes de que concluya marzo.",
            "En conferencia de prensa, la subsecretaria de Prevención y Promoción de la Salud, {P|Beatriz Olmedo Zúñiga}, explicó que la vacuna está dirigida a niñas y niños de {F|seis} meses a {F|cinco} años, personas mayores de {F|60} años, embarazadas y personas con enfermedades crónicas como diabetes, hipertensión u obesidad.",
            "“La vacuna es segura y gratuita; no hay que esperar a enfermarse para acudir. Cada dosis que aplicamos es una hospitalización que evitamos”, señaló {P|Olmedo Zúñiga}, quien recordó que en la temporada anterior se confirmaron {F|veintitrés} brotes en guarderías y asilos de {F|14 de 32} entidades.",
            "El director de Prestaciones Médicas del {O|IMSS}, {P|Gustavo Lizárraga Peña}, informó que el {O|Seguro Social} dispone de {F|12 millones 600 mil} dosis para sus derechohabientes y que la cobertura de la temporada pasada alcanzó el {F|65 por ciento} de la población objetivo, por lo que este año se reforzará la vacunación en empresas con más de {F|300} trabajadores.",
            "Añadió que las unidades de medicina familiar aplicarán la vacuna de lunes a viernes de 8:00 a 19:00 horas, sin necesidad de cita, y que el personal de enfermería visitará en su domicilio a las personas con discapacidad que no puedan trasladarse.",
            "A su vez, el director médico del {O|ISSSTE}, {P|Federico Anaya Cervantes}, detalló que el Instituto distribuyó {F|4 millones 800 mil} vacunas entre sus clínicas y hospitales de las {F|32} entidades, y que por primera vez se colocarán módulos en oficinas de gobierno para facilitar la aplicación a la burocracia federal.",
            "{P|Anaya Cervantes} pidió a la población no automedicarse ante síntomas como fiebre, dolor de cabeza o tos, y acudir de inmediato a su unidad médica, en especial cuando se trate de niñas, niños o adultos mayores.",
            "Las {F|tres} instituciones coincidieron en que la temporada invernal inicia en octubre y se extiende hasta marzo, periodo en el que también aumentan las infecciones respiratorias agudas, por lo que recomendaron lavarse las manos con frecuencia, cubrirse al toser con el ángulo interno del brazo y ventilar los espacios cerrados.",
            "Recordaron que la vacuna no provoca la enfermedad y que las molestias que en ocasiones aparecen después de la aplicación, como dolor en el brazo o febrícula, desaparecen en pocos días.",
        ],
        tail="",
        meta=dict(
            number="560/2019",
            kind="Boletín conjunto",
            date="2019-11-21",
            city="Ciudad de México",
            links=[],
            footer_dropped=[],
            artefacts_dropped=[],
        ),
    )
)

B.append(
    dict(
        name="2020-04-14_101.txt",
        enc="utf-8",
        nl="\n",
        lead="\n\n ",
        sep="\n",
        bullet="·",
        header="{L|Ciudad de México}, 14 de abril de 2020\nBoletín conjunto No. 101/2020",
        title="Instalan {O|IMSS} y {O|Sedena} hospital temporal para pacientes con COVID-19 en {L|Tijuana}",
        highlights=[
            "[bookmark: _GoBack]El hospital tendrá {F|120} camas y se suma a la red de unidades reconvertidas en {L|Baja California}.",
            "“Ningún paciente se quedará sin atención”, afirmó el general {P|Raúl Esquivel Montaño}.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) y la {O|Secretaría de la Defensa Nacional} ({O|Sedena}) pusieron en marcha un hospital temporal en {L|Tijuana}, {L|Baja California}, para atender a pacientes con COVID-19 que requieran hospitalización, con lo que se amplía la capacidad de respuesta en una de las ciudades con mayor número de contagios del país.",
            "El director general del {O|IMSS}, {P|Héctor Villaseñor Arriaga}, explicó en enlace remoto que la unidad cuenta con {F|120} camas, de las cuales {F|24} tienen capacidad para ventilación mecánica, y que operará con personal contratado por el {O|Seguro Social} y médicos militares.",
            "Señaló que en el país se han reconvertido alrededor de {F|2 mil} camas del {O|IMSS} para la atención exclusiva de COVID-19 y que el Instituto ha distribuido {F|3 millones 400 mil} piezas de equipo de protección personal entre sus trabajadores.",
            "“Lo que buscamos es llegar antes que la enfermedad: preparar la cama, el ventilador y al equipo médico antes de que el paciente toque la puerta”, subrayó {P|Villaseñor Arriaga}.",
            "Por su parte, el general {P|Raúl Esquivel Montaño}, responsable del Plan DN-III-E en la región, indicó que el personal castrense levantó el hospital en {F|nueve} días dentro de un centro de convenciones. “Ningún paciente se quedará sin atención; estamos aquí el tiempo que sea necesario”, afirmó.",
            "Agregó que {F|85} elementos de sanidad militar, entre médicos, enfermeras y camilleros, se integraron al hospital, y que se dispone de {F|dos} plantas de oxígeno con capacidad para abastecer la demanda de las próximas {F|cuatro} semanas.",
            "El representante del {O|IMSS} en {L|Baja California}, {P|Sergio Ruelas Ibarra}, informó que a la fecha la entidad registra {F|612} casos confirmados, de los cuales el {F|38.5%} ha requerido hospitalización, y pidió a la población quedarse en casa.",
            "Recordó que las visitas a pacientes quedaron suspendidas y que el informe a familiares se dará todos los días a las 13:00 horas por vía telefónica.",
        ],
        tail="DIRECCIÓN DE COMUNICACIÓN SOCIAL\n",
        meta=dict(
            number="101/2020",
            kind="Boletín conjunto",
            date="2020-04-14",
            city="Ciudad de México",
            links=[],
            footer_dropped=["DIRECCIÓN DE COMUNICACIÓN SOCIAL"],
            artefacts_dropped=["[bookmark: _GoBack]"],
        ),
    )
)

B.append(
    dict(
        name="2020-09-08_412.txt",
        enc="utf-8",
        nl="\n",
        lead="\n\n\n\n",
        sep="\n\n",
        bullet="md",
        header="BOLETÍN DE PRENSA\n\n{L|Ciudad de México}, martes 8 de septiembre de 2020.\n\nNo. 412/2020.",
        title="Realiza {O|IMSS} Tercera Jornada Nacional de Continuidad de Servicios de Salud para recuperar cirugías diferidas",
        highlights=[
            "Durante {F|cinco} días se programaron {F|11 mil 350} cirugías en {F|253} hospitales de segundo nivel de todo el país.",
            "El {F|86.3%} de las unidades participantes reportó avances en la atención de pacientes con cáncer, diabetes e hipertensión.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) llevó a cabo la Tercera Jornada Nacional de Continuidad de Servicios de Salud, con la que busca recuperar la atención médica que se difirió durante los meses de mayor ocupación hospitalaria por COVID-19.",
            "La directora de Prestaciones Médicas, {P|Leonor Castañeda Ruvalcaba}, informó que en {F|cinco} días se programaron {F|11 mil 350} cirugías, entre ellas de cataratas, hernias, vesícula y reemplazos de cadera y rodilla, en {F|253} hospitales de segundo nivel.",
            "Detalló que el {F|86.3%} de las unidades participantes reportó avances en el control de pacientes con cáncer, diabetes e hipertensión, y que {F|dos de cada tres} consultas de especialidad se dieron de manera presencial, con las medidas de sana distancia.",
            "“No podemos permitir que la pandemia nos cobre una segunda factura; quien dejó de atender su diabetes en marzo no puede esperar hasta el próximo año”, expresó {P|Castañeda Ruvalcaba}.",
            "El director general del {O|IMSS}, {P|Héctor Villaseñor Arriaga}, señaló que las jornadas se realizan en fines de semana para no afectar la operación ordinaria de las unidades y que el personal participa de manera voluntaria, con el pago de tiempo extraordinario y el reconocimiento de<PB>la institución, por lo que agradeció el compromiso de médicos, enfermeras, camilleros y personal de limpieza.",
            "Indicó que en la siguiente jornada, prevista para octubre, se sumarán las {O|Unidades Médicas de Alta Especialidad} ({O|UMAE}) con procedimientos de mayor complejidad, como trasplantes de riñón y cirugía cardiaca pediátrica.",
            "La titular de la {O|OOAD Ciudad de México Sur}, {P|Mariana Tello Urquidi}, destacó que en esa representación se realizaron {F|742} cirugías en {F|48} horas y que la lista de espera para cirugía de catarata se redujo {F|40 por ciento}.",
            "“Hubo quirófanos que no se apagaron en todo el fin de semana; detrás de cada cirugía hay un equipo que decidió venir a trabajar en su día de descanso”, dijo {P|Tello Urquidi}.",
        ],
        tail="---o0o---\n\nLINK DE VIDEO\n\n<https://example.org/imss/video/2020/412-jornada>",
        meta=dict(
            number="412/2020",
            kind="Boletín de prensa",
            date="2020-09-08",
            city="Ciudad de México",
            links=[("video", "https://example.org/imss/video/2020/412-jornada")],
            footer_dropped=["---o0o---"],
            artefacts_dropped=["**", "<", ">"],
        ),
    )
)

B.append(
    dict(
        name="2021-01-03_003.txt",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="·",
        header="{L|CIUDAD DE MÉXICO}, 3 DE ENERO DE 2021\nBoletín No. 003/2021",
        title="Mantiene {O|IMSS} atención de urgencias durante el periodo vacacional de invierno",
        highlights=[],
        paras=[
            "Durante el periodo vacacional de invierno, del 19 de diciembre al 2 de enero, los servicios de Urgencias del {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) en la {L|Ciudad de México} otorgaron {F|38 mil 614} atenciones, de las cuales el {F|quince por ciento} correspondió a accidentes en el hogar y quemaduras por pirotecnia.",
            "El titular de la {O|OOAD Ciudad de México Norte}, {P|Efraín Solís Barragán}, informó que el {O|Hospital General de Zona} No. 31 fue la unidad con mayor demanda, con {F|2 mil 105} consultas de urgencias, y que en la noche del 31 de diciembre se atendió a {F|veintiún} menores con lesiones por cohetes.",
            "“Pedimos a las familias no manipular pirotecnia; una quemadura en la mano de un niño puede dejar secuelas de por vida”, advirtió {P|Solís Barragán}.",
            "Detalló que, pese a la ocupación hospitalaria por COVID-19, se mantuvieron abiertas todas las áreas de urgencias de la representación y que {F|nueve de cada diez} pacientes valorados fueron dados de alta el mismo día.",
            "La doctora {P|Paulina Rentería Gil}, jefa del servicio de Urgencias del hospital, explicó que las guardias se reforzaron con {F|60} médicos y {F|112} enfermeras, y que el tiempo de espera promedio para la primera valoración fue de {F|18} minutos.",
            "“La gente llega asustada y con dolor; nuestro trabajo es que en menos de media hora sepa qué tiene y qué sigue”, comentó {P|Rentería Gil}.",
            "El {O|Seguro Social} recomendó no utilizar anafres ni braseros dentro de casa para calentarse, pues en la temporada se registraron {F|cuatro} casos de intoxicación por monóxido de carbono en la capital del país, y acudir a la unidad de medicina familiar ante síntomas respiratorios.",
        ],
        tail="AÑO DE LA SALUD EN EL TRABAJO\n",
        meta=dict(
            number="003/2021",
            kind="Boletín",
            date="2021-01-03",
            city="Ciudad de México",
            links=[],
            footer_dropped=["AÑO DE LA SALUD EN EL TRABAJO"],
            artefacts_dropped=[],
        ),
    )
)

B.append(
    dict(
        name="2021-02-12_012.txt",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="·",
        header="Boletín No. 12/2021\n{L|Guadalajara}, {L|Jalisco}, 12 de febrero de 2021.",
        title="Reanuda {O|IMSS} en {L|Jalisco} programa de trasplantes con donante fallecido",
        highlights=[
            "En enero se realizaron {F|17} trasplantes de riñón, {F|tres} de córnea y {F|uno} de hígado en la {O|UMAE} de {L|Guadalajara}.",
            "“Cada donación es un acto de generosidad que puede salvar hasta {F|siete} vidas”: {P|Jorge Arellano Villalpando}.",
        ],
        paras=[
            "Tras {F|diez} meses de suspensión por la emergencia sanitaria, el programa de trasplantes de la {O|Unidad Médica de Alta Especialidad} ({O|UMAE}) del {O|IMSS} en {L|Guadalajara}, {L|Jalisco}, reanudó la procuración de órganos de donante fallecido, con lo que en enero se realizaron {F|17} trasplantes de riñón, {F|tres} de córnea y {F|uno} de hígado.",
            "El director de la {O|UMAE}, doctor {P|Jorge Arellano Villalpando}, explicó que el reinicio fue posible gracias a un protocolo que incluye pruebas de detección de COVID-19 al donante y al receptor, así como áreas separadas para pacientes trasplantados.",
            "“Cada donación es un acto de generosidad que puede salvar hasta {F|siete} vidas; detrás de cada trasplante hay una familia que, en medio del dolor, decidió ayudar a otros”, expresó {P|Arellano Villalpando}.",
            "La coordinadora hospitalaria de donación, {P|Ximena Orozco Lomelí}, detalló que en {L|Jalisco} la lista de espera para un riñón supera las {F|1,900} personas y que el tiempo promedio de espera es de {F|cuatro} años, por lo que invitó a la población a expresar en vida su voluntad de donar y a comentarlo con su familia.",
            "Indicó que el equipo de procuración está integrado por {F|12} especialistas, entre cirujanos, anestesiólogos, nefrólogos y enfermeras, que trabajan en coordinación con el {O|Consejo Estatal de Trasplantes de Órganos y Tejidos} ({O|Cetot}).",
            "A nivel nacional, de acuerdo con cifras del {O|Centro Nacional de Trasplantes} ({O|Cenatra}), el {O|IMSS} realizó en 2019 {F|2 mil 981} trasplantes, más de {F|la mitad} de los efectuados en el país.",
            "{P|Orozco Lomelí} recordó que cualquier persona mayor de edad puede registrarse como donante y que la decisión final corresponde a los familiares, por lo que es importante hablar del tema en casa.",
        ],
        tail="LINK FOTOS\nhttps://example.org/imss/fotos/2021/012-trasplantes\n",
        meta=dict(
            number="12/2021",
            kind="Boletín",
            date="2021-02-12",
            city="Guadalajara, Jalisco",
            links=[("fotos", "https://example.org/imss/fotos/2021/012-trasplantes")],
            footer_dropped=[],
            artefacts_dropped=[],
        ),
    )
)

B.append(
    dict(
        name="2021-02-19_088.txt",
        enc="utf-8",
        nl="\n",
        lead="\n\n",
        sep="\n\n",
        bullet="md",
        header="BOLETÍN DE PRENSA\n\n{L|Hermosillo}, {L|Sonora}, viernes 19 de febrero de 2021.\n\nNo. 088/2021.",
        title="Acuerdan {O|IMSS} y {L|Sonora} construcción de hospital de {F|260} camas en {L|Ciudad Obregón}",
        highlights=[
            "El nuevo {O|Hospital General Regional} sustituirá al actual inmueble, que tiene más de {F|60} años de antigüedad.",
            "El gobernador de {L|Sonora}, {P|Ernesto Valdivia Ochoa}, anunció la donación de un predio de {F|ocho} hectáreas.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) y el gobierno de {L|Sonora} firmaron un convenio de colaboración para construir un {O|Hospital General Regional} en {L|Ciudad Obregón}, municipio de {L|Cajeme}, que contará con {F|260} camas y beneficiará a cerca de {F|700 mil} derechohabientes del sur de la entidad.",
            "En la ceremonia, el director general del {O|IMSS}, {P|Héctor Villaseñor Arriaga}, señaló que la inversión estimada es de {F|2 mil 480 millones de pesos} y que la obra forma parte del Plan de Infraestructura 2021-2024 del Instituto.",
            "“Este hospital lleva años esperándose en el sur de {L|Sonora}; hoy damos el primer paso con el terreno, el proyecto y el presupuesto asegurados”, afirmó.",
            "El gobernador de {L|Sonora}, {P|Ernesto Valdivia Ochoa}, anunció la donación de un predio de {F|ocho} hectáreas ubicado al norte de la ciudad, con acceso a la carretera internacional, y se comprometió a realizar las obras de agua potable, drenaje y electrificación.",
            "{P|Valdivia Ochoa} recordó que el hospital actual, construido hace más de {F|60} años, opera por encima de su capacidad, con una ocupación promedio de {F|112 por ciento} en el área de Medicina Interna.",
            "El titular del {O|Órgano de Operación Administrativa Desconcentrada} ({O|OOAD}) del {O|IMSS} en {L|Sonora}, {P|Guillermo Amaya Robles}, detalló que el proyecto incluye {F|14} quirófanos, {F|40} consultorios de especialidad y {F|una} unidad de hemodiálisis, y que durante la construcción se generarán {F|1,800} empleos directos.",
            "Al acto asistieron la presidenta municipal de {L|Cajeme}, {P|Rosalba Moreno Félix}, y el secretario de Salud estatal, {P|Andrés Iribe Gastélum}, quien ofreció apoyo para la formación de especialistas en los hospitales de la entidad.",
        ],
        tail="---o0o---\n\nLINK DE FOTOS\n\nhttps://example.org/imss/fotos/2021/088-obregon\n",
        meta=dict(
            number="088/2021",
            kind="Boletín de prensa",
            date="2021-02-19",
            city="Hermosillo, Sonora",
            links=[("fotos", "https://example.org/imss/fotos/2021/088-obregon")],
            footer_dropped=["---o0o---"],
            artefacts_dropped=["**"],
        ),
    )
)
