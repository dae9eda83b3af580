from texts1 import NB, B

B.append(
    dict(
        name="2022-07-18_365.txt",
        enc="utf-8",
        nl="\r\n",
        lead="",
        sep="\n\n",
        bullet="md",
        header="BOLETÍN DE PRENSA\n\n{L|Ciudad de México}, lunes 18 de julio de 2022.\n\nNo. 365/2022.",
        title="Destina {O|IMSS} {F|7 mil millones de pesos} para fortalecer la infraestructura hospitalaria en {L|Veracruz}",
        highlights=[
            "Las obras incluyen la ampliación de {F|cuatro} hospitales y la construcción de {F|dos} {O|Unidades de Medicina Familiar} en las representaciones {L|Veracruz Norte} y {L|Veracruz Sur}.",
            "Se contratarán {F|1,120} plazas de médicos, enfermeras y personal técnico, informó el director de Administración, {P|Fausto Carrión Medellín}.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) destinará {F|7 mil millones de pesos} entre 2022 y 2024 para ampliar y modernizar su infraestructura en {L|Veracruz}, entidad en la que el {O|Seguro Social} atiende a {F|2 millones 900 mil} derechohabientes a través de sus {F|dos} {O|Órganos de Operación Administrativa Desconcentrada} ({O|OOAD}), {L|Veracruz Norte} y {L|Veracruz Sur}.",
            "En reunión de trabajo con los titulares de ambas representaciones, el director de Administración del {O|IMSS}, {P|Fausto Carrión Medellín}, detalló que el plan contempla la ampliación de {F|cuatro} hospitales generales de zona en {L|Xalapa}, {L|Poza Rica}, {L|Veracruz} y {L|Coatzacoalcos}, así como la construcción de {F|dos} {O|Unidades de Medicina Familiar} en {L|Boca del Río} y {L|Minatitlán}.",
            "Señaló que el {F|60 por ciento} de los recursos se aplicará en {L|Veracruz Sur}, la región con mayor rezago en camas por derechohabiente, y que en total se contratarán {F|1,120} plazas de médicos, enfermeras y personal técnico.",
            "“{L|Veracruz} tiene una de las poblaciones derechohabientes más grandes del país y una red hospitalaria que en algunos casos supera los {F|40} años de servicio; no basta con dar mantenimiento, hay que construir”, expresó {P|Carrión Medellín}.",
            "La titular del {O|OOAD Veracruz Norte}, {P|Irma Lagunes Barradas}, informó que en esa representación se contratarán {F|640} plazas y que la ampliación del hospital de {L|Poza Rica} permitirá abrir un área de terapia intensiva pediátrica.",
            "Por su parte, el titular del {O|OOAD Veracruz Sur}, {P|Rogelio Chagra Domínguez}, destacó que en {L|Coatzacoalcos} la ampliación agregará {F|90} camas y {F|24} máquinas de hemodiálisis, lo que evitará que los pacientes se trasladen hasta {L|Córdoba} para recibir su tratamiento.",
            "{P|Chagra Domínguez} añadió que las obras iniciarán en el último trimestre del año y que durante su ejecución no se suspenderán los servicios, ya que los trabajos se harán por etapas.",
        ],
        tail="---o0o---\n\nLINK DE FOTOS\n\nhttps://example.org/imss/fotos/2022/365-veracruz\n",
        meta=dict(
            number="365/2022",
            kind="Boletín de prensa",
            date="2022-07-18",
            city="Ciudad de México",
            links=[("fotos", "https://example.org/imss/fotos/2022/365-veracruz")],
            footer_dropped=["---o0o---"],
            artefacts_dropped=["**"],
        ),
    )
)

B.append(
    dict(
        name="2022-10-12_088.txt",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="·",
        header="{L|Mérida}, {L|Yucatán}, a 12 de octubre de 2022.\nComunicado No. 088/2022",
        title="Intensifica {O|IMSS Yucatán} la detección oportuna de cáncer de mama durante octubre",
        highlights=[
            "Se realizarán {F|6 mil 200} mastografías gratuitas en unidades médicas y en {F|tres} unidades móviles que recorrerán {F|18} municipios.",
            "La probabilidad de supervivencia pasa del {F|54} al {F|96 por ciento} cuando el tumor se detecta en etapa temprana.",
        ],
        paras=[
            "Con motivo del mes de sensibilización sobre el cáncer de mama, el {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) en {L|Yucatán} intensificó las acciones de detección oportuna, con la meta de realizar {F|6 mil 200} mastografías a mujeres de {F|40} a {F|69} años durante octubre.",
            "La titular de la {O|Jefatura de Prestaciones Médicas}, doctora {P|Rebeca Canché Poot}, explicó que además de las {F|11} unidades de medicina familiar que cuentan con mastógrafo, {F|tres} unidades móviles recorrerán {F|18} municipios del interior del estado, entre ellos {L|Valladolid}, {L|Tizimín}, {L|Tekax} y {L|Motul}.",
            "“Cuando el tumor se detecta en una etapa temprana, la probabilidad de supervivencia pasa del {F|54} al {F|96 por ciento}; por eso insistimos en que ninguna mujer deje pasar su cita”, señaló {P|Canché Poot}.",
            "Detalló que en 2021 el {O|IMSS} diagnosticó en {L|Yucatán} {F|312} casos nuevos de cáncer de mama, de los cuales {F|dos de cada cinco} se identificaron en etapas avanzadas, lo que reduce las opciones de tratamiento.",
            "Por su parte, el titular del {O|OOAD Yucatán}, {P|Joaquín Pech Aguilar}, informó que el Instituto firmó un convenio con la {O|Universidad Autónoma de Yucatán} ({O|UADY}) para que estudiantes de enfermería participen en las jornadas de exploración clínica a partir del 17 de octubre.",
            "“Queremos llegar a las comisarías y a los municipios más alejados, donde muchas mujeres nunca se han hecho una mastografía”, expresó {P|Pech Aguilar}.",
            "El {O|IMSS} recordó que el estudio no requiere preparación especial y que las derechohabientes pueden agendar su cita de lunes a viernes, de 7:00 a 14:00 horas, en el módulo PrevenIMSS de su unidad.",
        ],
        tail="---o0o---\n\nLINK FOTOS\n\nhttps://example.org/imss/fotos/2022/088-merida\n\nJEFATURA DE COMUNICACIÓN SOCIAL\n",
        meta=dict(
            number="088/2022",
            kind="Comunicado",
            date="2022-10-12",
            city="Mérida, Yucatán",
            links=[("fotos", "https://example.org/imss/fotos/2022/088-merida")],
            footer_dropped=["---o0o---", "JEFATURA DE COMUNICACIÓN SOCIAL"],
            artefacts_dropped=[],
        ),
    )
)

B.append(
    dict(
        name="2023-03-05_134.txt",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="·",
        header="{L|León}, {L|Guanajuato}, a 5 de marzo de 2023.\n\nBoletín de prensa No. 134/2023",
        title="Invita {O|IMSS} a trabajadores independientes del calzado en {L|León} a incorporarse a la seguridad social",
        highlights=[
            "Con una aportación mensual desde {F|$1,500 pesos}, las personas trabajadoras independientes acceden a servicios médicos, incapacidades y ahorro para el retiro.",
            "En {L|Guanajuato}, {F|8 mil 430} personas se han incorporado a la modalidad desde su arranque.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) en {L|Guanajuato} realizó una jornada informativa en {L|León} para invitar a talleres familiares y trabajadores por cuenta propia de la industria del calzado a incorporarse al esquema de Personas Trabajadoras Independientes.",
            "La titular de la {O|Oficina de Representación} del {O|IMSS} en {L|Guanajuato}, {P|Verónica Ledesma Arriola}, explicó que con una aportación mensual desde {F|$1,500 pesos}, de acuerdo con el ingreso que se declare, las personas aseguradas y sus beneficiarios reciben atención médica, hospitalaria y farmacéutica, además del pago de incapacidades, pensión y ahorro para el retiro.",
            "“En {L|León} hay miles de zapateras y zapateros que trabajan en su casa o en pequeños talleres y que nunca han tenido seguridad social; queremos que sepan que la puerta está abierta”, expresó.",
            "Informó que en el estado {F|8 mil 430} personas se han incorporado a la modalidad, de las cuales el {F|41.7%} son mujeres, y que la meta para este año es llegar a {F|12 mil}.",
            "El presidente de la {O|Cámara de la Industria del Calzado del Estado de Guanajuato} ({O|CICEG}), {P|Mauricio Olvera Lozornio}, señaló que casi {F|la mitad} de las {F|4 mil} empresas del sector son talleres con menos de {F|diez} trabajadores, muchos de ellos sin registro ante el Instituto.",
            "{P|Olvera Lozornio} agradeció la disposición del {O|Seguro Social} para instalar módulos itinerantes en las zonas zapateras de la ciudad, y afirmó que la formalidad también abre la puerta al crédito y a nuevos clientes.",
            "En la jornada participaron {F|nueve} asesores del Instituto, quienes resolvieron dudas sobre el registro en línea y el cálculo de las cuotas; las personas interesadas también pueden acudir a cualquiera de las {F|cinco} subdelegaciones del {O|IMSS} en el estado.",
        ],
        tail="LINK DE FOTOS\nhttps://example.org/imss/fotos/2023/134-calzado\n\nLINK DE VIDEO\nhttps://example.org/imss/video/2023/134-calzado\n",
        meta=dict(
            number="134/2023",
            kind="Boletín de prensa",
            date="2023-03-05",
            city="León, Guanajuato",
            links=[
                ("fotos", "https://example.org/imss/fotos/2023/134-calzado"),
                ("video", "https://example.org/imss/video/2023/134-calzado"),
            ],
            footer_dropped=[],
            artefacts_dropped=[],
        ),
    )
)

B.append(
    dict(
        name="2023-08-22_441.txt",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="·",
        header="BOLETÍN DE PRENSA\n\n{L|Toluca}, {L|Estado de México}, martes 22 de agosto de 2023.\n\nNo. 441/2023.",
        title="Abre {O|IMSS} en {L|Toluca} guardería integradora para niñas y niños con discapacidad",
        highlights=[
            "La guardería atenderá a {F|186} niñas y niños de {F|43} días de nacidos a {F|cuatro} años; hasta {F|30} lugares serán para menores con alguna discapacidad.",
            "“Ninguna madre trabajadora debe elegir entre su empleo y el cuidado de su hija o hijo”: {P|Lorena Zepeda Almazán}.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) inauguró en"
            + NB
            + "{L|Toluca}, {L|Estado de México}, una guardería integradora con capacidad para {F|186} niñas y niños de {F|43} días de nacidos a {F|cuatro} años, que se suma a la red de guarderías del Instituto en la entidad.",
            "La coordinadora del Servicio de Guardería para el Desarrollo Integral Infantil, {P|Lorena Zepeda Almazán}, explicó que el inmueble cuenta con rampas, sala de estimulación temprana, área de terapia física y personal capacitado en lengua de señas mexicana, y que hasta {F|30} lugares se destinarán a menores con alguna discapacidad.",
            "“Ninguna madre trabajadora debe elegir entre su empleo y el cuidado de su hija o hijo; esta guardería existe para que nadie tenga que hacerlo”, afirmó"
            + NB
            + "{P|Zepeda Almazán}.",
            "Detalló que a nivel nacional el {O|IMSS} opera {F|1,316} guarderías con alrededor de {F|190 mil} lugares, de las cuales {F|14} son integradoras.",
            "El titular del {O|OOAD Estado de México Poniente}, {P|Ricardo Mondragón Salgado}, informó que la obra tuvo una inversión de {F|46.5 millones de pesos} y que el personal, integrado por {F|52} trabajadoras, recibió {F|120} horas de capacitación en atención a la diversidad funcional.",
            "En representación de las familias usuarias, {P|Daniela Rojas Becerril}, madre de un niño con síndrome de Down, agradeció que su hijo pueda convivir con otros menores. “Antes tenía que pagar a alguien para que lo cuidara mientras"
            + NB
            + "yo trabajaba; hoy sé que está en buenas manos”, dijo.",
            "{P|Mondragón Salgado} recordó que para inscribir a un menor basta con que la madre o el padre trabajador esté asegurado y tramite la solicitud en la guardería o en línea.",
        ],
        tail="---o0o---\n\nLINK FOTOS\n\n<https://example.org/imss/fotos/2023/441-guarderia>\n",
        meta=dict(
            number="441/2023",
            kind="Boletín de prensa",
            date="2023-08-22",
            city="Toluca, Estado de México",
            links=[("fotos", "https://example.org/imss/fotos/2023/441-guarderia")],
            footer_dropped=["---o0o---"],
            artefacts_dropped=["<", ">"],
        ),
    )
)

B.append(
    dict(
        name="2024-05-14_238.txt",
        enc="utf-8",
        nl="\n",
        lead="\n\n\n",
        sep="\n\n",
        bullet="md",
        header="BOLETÍN DE PRENSA\n\n{L|Ciudad de México}, martes 14 de mayo de 2024.\n\nNo. 238/2024.",
        title="Reconoce {O|IMSS} trayectoria de enfermeras y enfermeros en el Día Internacional de la Enfermería",
        highlights=[
            "Se entregaron {F|35} reconocimientos a personal con más de {F|25} años de servicio de las {F|32} entidades.",
            "El {O|IMSS} cuenta con {F|127 mil} profesionales de enfermería, la plantilla más grande del sector público.",
        ],
        paras=[
            "En el marco del Día Internacional de la Enfermería, el director general del {O|Instituto Mexicano del Seguro Social} ({O|IMSS}), {P|Héctor Villaseñor Arriaga}, entregó reconocimientos a {F|35} enfermeras y enfermeros con más de {F|25} años de servicio, provenientes de las {F|32} entidades del país.",
            "{P|Villaseñor Arriaga} señaló que el {O|Seguro Social} cuenta con {F|127 mil} profesionales de enfermería, la plantilla más grande del sector público, y que en los últimos {F|cinco} años se crearon {F|9 mil 600} plazas."
            + NB
            + "“La enfermería es la primera mano que toca al paciente y la última que se despide de él; sin ustedes, el Instituto simplemente no funciona”, expresó.",
            "La coordinadora técnica de Enfermería, maestra {P|Guadalupe Ríos Landeros}, informó que este año se abrieron {F|1,580} lugares en cursos postécnicos de especialización, como cuidados intensivos, oncología y pediatría, y que el {F|64.2%} de la plantilla cuenta con licenciatura.",
            "Entre las personas reconocidas estuvo la enfermera {P|Maribel Cuautle Texis}, de la {O|OOAD Tlaxcala}, con {F|38} años de servicio, quien recordó que comenzó a trabajar en una clínica rural de {L|Huamantla} en 1986.",
            "“Aprendí que a veces el mejor medicamento es escuchar; hay pacientes que lo que más necesitan es que alguien les tome la mano”, relató"
            + NB
            + "{P|Cuautle Texis}.",
            "A su vez, el secretario general del {O|Sindicato Nacional de Trabajadores del Seguro Social} ({O|SNTSS}), {P|Octavio Lara Pineda}, destacó que la profesionalización del personal de enfermería ha sido una demanda permanente de las y los trabajadores.",
        ],
        tail="---o0o---\n\nLINK FOTOS\n\nhttps://example.org/imss/fotos/2024/238-enfermeria\n",
        meta=dict(
            number="238/2024",
            kind="Boletín de prensa",
            date="2024-05-14",
            city="Ciudad de México",
            links=[("fotos", "https://example.org/imss/fotos/2024/238-enfermeria")],
            footer_dropped=["---o0o---"],
            artefacts_dropped=["**"],
        ),
    )
)

B.append(
    dict(
        name="2024-11-27_602.txt",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="·",
        header="BOLETÍN DE PRENSA\n\n{L|Chihuahua}, {L|Chihuahua}, miércoles 27 de noviembre de 2024.\n\nNo. 602/2024.",
        title="Atiende Código Infarto del {O|IMSS} en {L|Chihuahua} a {F|1,048} pacientes en lo que va del año",
        highlights=[
            "El tiempo promedio entre la llegada a urgencias y la apertura de la arteria bajó de {F|104} a {F|68} minutos.",
            "{F|Siete de cada diez} pacientes atendidos son hombres de entre {F|45} y {F|70} años.",
        ],
        paras=[
            "En lo que va de 2024, el protocolo Código Infarto del {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) en {L|Chihuahua} ha atendido a {F|1,048} personas con infarto agudo al miocardio, lo que ha permitido reducir la mortalidad hospitalaria por esta causa.",
            "El jefe del servicio de Cardiología, doctor {P|Alfonso Terrazas Baeza}, explicó que el tiempo promedio entre la llegada del paciente a urgencias y la apertura de la arteria obstruida bajó de {F|104} a {F|68} minutos, por debajo de la meta internacional de {F|90}.",
            "“En un infarto, cada minuto cuenta: el músculo que no recibe sangre ya no se recupera”, dijo {P|Terrazas Baeza}, quien pidió acudir de inmediato ante dolor opresivo en el pecho, sudoración fría o falta de aire.",
            "Indicó que {F|siete de cada diez} pacientes son hombres de entre {F|45} y {F|70} años, y que los principales factores de riesgo son el tabaquismo, la diabetes, la hipertensión y el colesterol alto.",
            "La titular de la {O|Oficina de Representación} del {O|IMSS} en {L|Chihuahua}, {P|Claudia Ochoa Holguín}, informó que el protocolo opera en {L|Ciudad Juárez}, {L|Chihuahua}, {L|Delicias}, {L|Cuauhtémoc} y {L|Hidalgo del Parral}, y que los pacientes de la {L|Sierra Tarahumara} son trasladados por vía aérea en coordinación con la {O|Secretaría de Salud} estatal.",
            "{P|Ochoa Holguín} agregó que este año se capacitó a {F|430} médicos y enfermeras de primer contacto para identificar un infarto en el electrocardiograma y activar el código desde la unidad de medicina familiar.",
        ],
        tail="LINK DE FOTOS\nhttps://example.org/imss/fotos/2024/602-codigo-infarto\n\nLINK DE VIDEO\nhttps://example.org/imss/video/2024/602-codigo-infarto\n\nCOMUNICACIÓN SOCIAL IMSS CHIHUAHUA\n",
        meta=dict(
            number="602/2024",
            kind="Boletín de prensa",
            date="2024-11-27",
            city="Chihuahua, Chihuahua",
            links=[
                ("fotos", "https://example.org/imss/fotos/2024/602-codigo-infarto"),
                ("video", "https://example.org/imss/video/2024/602-codigo-infarto"),
            ],
            footer_dropped=["COMUNICACIÓN SOCIAL IMSS CHIHUAHUA"],
            artefacts_dropped=[],
        ),
    )
)

B.append(
    dict(
        name="2025-01-02_001.txt",
        enc="utf-8-sig",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="md",
        header="BOLETÍN DE PRENSA\n\n{L|Ciudad de México}, jueves 2 de enero de 2025.\n\nNo. 001/2025.",
        title="Nacen en hospitales del {O|IMSS} {F|412} bebés durante el primer día de 2025",
        highlights=[
            "El primer nacimiento del año en el {O|Seguro Social} ocurrió a las 00:03 horas en un hospital del sur de la {L|Ciudad de México}.",
            "{F|Doscientas catorce} niñas y {F|198} niños llegaron al mundo en las unidades del Instituto el 1 de enero.",
        ],
        paras=[
            "Durante el 1 de enero, en las unidades médicas del {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) nacieron {F|412} bebés, {F|214} niñas y {F|198} niños, atendidos por el personal que cubrió la guardia de Año Nuevo en las {F|32} entidades del país.",
            "La directora de Prestaciones Médicas, {P|Sofía Landa Irigoyen}, informó que el primer nacimiento ocurrió a las 00:03 horas en el {O|Hospital de Gineco Obstetricia} No. 4, en el sur de la {L|Ciudad de México}, donde nació una niña de {F|3.2} kilogramos, y que madre e hija se encuentran en buen estado de salud.",
            "Detalló que las entidades con más nacimientos fueron el {L|Estado de México}, con {F|41}; {L|Jalisco}, con {F|33}, y {L|Nuevo León}, con {F|29}, y que el {F|31 por ciento} de los partos fue por cesárea.",
            "La directora general del {O|IMSS}, {P|Adriana Cuevas Montalvo}, felicitó al personal de ginecología, obstetricia, pediatría y enfermería que trabajó durante la noche del 31 de diciembre.",
            "“Mientras muchas familias celebraban, {F|4 mil} trabajadoras y trabajadores del Instituto estaban en las salas de parto y en los cuneros; a ellas y a ellos, gracias”, expresó {P|Cuevas Montalvo}.",
            "Recordó que en 2024 el {O|Seguro Social} atendió alrededor de {F|380 mil} partos y que todas las madres reciben orientación sobre lactancia materna, vacunación y tamiz neonatal antes de su alta.",
        ],
        tail="---o0o---\n\nLINK FOTOS\n\nhttps://example.org/imss/fotos/2025/001-anio-nuevo\n",
        meta=dict(
            number="001/2025",
            kind="Boletín de prensa",
            date="2025-01-02",
            city="Ciudad de México",
            links=[("fotos", "https://example.org/imss/fotos/2025/001-anio-nuevo")],
            footer_dropped=["---o0o---"],
            artefacts_dropped=["**"],
        ),
    )
)

B.append(
    dict(
        name="sin-fecha_clinicas.txt",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="·",
        header="",
        title="Evitan clínicas de pie diabético del {O|IMSS} más de {F|2 mil 700} amputaciones",
        highlights=[
            "En las {F|48} clínicas del país, el {F|73 por ciento} de las úlceras atendidas cicatrizó sin necesidad de cirugía.",
            "El titular del {O|OOAD Sinaloa}, doctor {P|Aurelio Zazueta Camacho}, anunció la apertura de {F|dos} clínicas más en {L|Culiacán} y {L|Mazatlán}.",
        ],
        paras=[
            "Las clínicas de pie diabético del {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) han evitado más de {F|2 mil 700} amputaciones desde su creación, gracias a la detección temprana de lesiones y al tratamiento especializado de úlceras en pacientes que viven con diabetes.",
            "La coordinadora de Programas Integrados de Salud, doctora {P|Esther Bojórquez Lugo}, explicó que en las {F|48} clínicas que operan en el país el {F|73 por ciento} de las úlceras atendidas cicatrizó sin necesidad de cirugía, y que el tiempo promedio de curación es de {F|diez} semanas.",
            "“Una herida pequeña en el pie de una persona con diabetes es una urgencia; si se atiende a tiempo, se salva la pierna”, subrayó"
            + NB
            + "{P|Bojórquez Lugo}.",
            "Detalló que en {L|México} viven alrededor de {F|12 millones} de personas con diabetes y que el {O|IMSS} atiende a {F|4 millones 100 mil} de ellas, de las cuales cerca de {F|15 por ciento} desarrollará una úlcera en algún momento de su vida.",
            "El titular del {O|OOAD Sinaloa}, doctor {P|Aurelio Zazueta Camacho}, anunció la apertura de {F|dos} clínicas más en {L|Culiacán} y {L|Mazatlán}, cada una con {F|tres} consultorios y sala de curaciones, atendidas por angiólogos, ortopedistas, enfermeras y nutriólogas.",
            "{P|Zazueta Camacho} informó que en {L|Sinaloa} se identificaron el año pasado {F|860} pacientes con pie en riesgo, a quienes se les dio seguimiento mensual en su unidad de medicina familiar.",
            "El {O|Seguro Social} recomienda a las personas con diabetes revisar sus pies todos los días, secarlos bien entre los dedos, no caminar descalzas y acudir a su médico ante cualquier cambio de color, ampolla o herida que no sane.",
        ],
        tail="COORDINACIÓN DE COMUNICACIÓN SOCIAL\n",
        meta=dict(
            number=None,
            kind=None,
            date=None,
            city=None,
            links=[],
            footer_dropped=["COORDINACIÓN DE COMUNICACIÓN SOCIAL"],
            artefacts_dropped=[],
        ),
    )
)

B.append(
    dict(
        name="sin-fecha_lactancia.md",
        enc="utf-8",
        nl="\n",
        lead="",
        sep="\n\n",
        bullet="md",
        header="",
        title="Impulsa {O|IMSS} salas de lactancia en centros de trabajo: ya suman {F|1,742} en todo el país",
        highlights=[
            "Las empresas con sala de lactancia registran menos ausentismo y mayor permanencia de sus trabajadoras después de la licencia de maternidad.",
            "{F|Cuatro} de las nuevas salas se instalaron en plantas automotrices de {L|Aguascalientes} y {L|San Luis Potosí}.",
        ],
        paras=[
            "El {O|Instituto Mexicano del Seguro Social} ({O|IMSS}) ha acompañado la instalación de {F|1,742} salas de lactancia en centros de trabajo públicos y privados, espacios dignos e higiénicos en los que las madres trabajadoras pueden extraer y conservar su leche durante la jornada laboral.",
            "La jefa de la División de Promoción de la Salud, {P|Natalia Esparza Villegas}, explicó que una sala de lactancia requiere un espacio de al menos {F|dos} metros por {F|dos}, con lavabo, refrigerador, sillón y privacidad, y que el personal del Instituto asesora sin costo a las empresas para habilitarla.",
            "“Cuando una empresa abre una sala de lactancia, le dice a sus trabajadoras que no tienen que elegir entre su hijo y su empleo”, afirmó {P|Esparza Villegas}, quien recordó que la leche materna protege a las y los bebés contra infecciones respiratorias y diarreicas.",
            "Señaló que en las empresas que cuentan con sala, el ausentismo de las madres trabajadoras disminuyó {F|27 por ciento} y que {F|ocho de cada diez} se mantuvieron en su empleo un año después de la licencia de maternidad.",
            "Del total, {F|cuatro} de las salas más recientes se instalaron en plantas automotrices de {L|Aguascalientes} y {L|San Luis Potosí}, donde trabajan más de {F|6 mil} mujeres.",
            "La gerente de recursos humanos de una de ellas, {P|Karla Medina Ugalde}, comentó que la sala se usa a diario por {F|23} trabajadoras. “Al principio pensamos que era un gasto; hoy vemos que es una inversión en nuestra gente”, dijo.",
            "El {O|IMSS} recomienda la lactancia materna exclusiva durante los primeros {F|seis} meses de vida y complementada hasta los {F|dos} años o más.",
        ],
        tail="LINK DE FOTOS\n\nhttps://example.org/imss/fotos/lactancia-salas\n",
        meta=dict(
            number=None,
            kind=None,
            date=None,
            city=None,
            links=[("fotos", "https://example.org/imss/fotos/lactancia-salas")],
            footer_dropped=[],
            artefacts_dropped=["**"],
        ),
    )
)
