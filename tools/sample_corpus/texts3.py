from texts2 import B

D = {b["name"]: b for b in B}


def ins(name, idx, text):
    D[name]["paras"].insert(idx, text)


ins(
    "2021-01-03_003.txt",
    6,
    "En el {O|Hospital de Traumatología y Ortopedia} de la zona norte se realizaron {F|37} cirugías de urgencia por fracturas, la mayoría por caídas de personas mayores de {F|65} años en la vía pública y en el hogar, informó {P|Solís Barragán}.",
)
ins(
    "2021-01-03_003.txt",
    7,
    "Agregó que durante el periodo se mantuvo el Triage Respiratorio en las {F|12} unidades de medicina familiar de la representación, donde se valoró a {F|5 mil 380} personas con síntomas compatibles con COVID-19, y que quienes presentaron dificultad para respirar fueron enviados de inmediato a un hospital.",
)
ins(
    "2021-02-12_012.txt",
    3,
    "El doctor {P|Arellano Villalpando} precisó que durante la suspensión del programa se mantuvo el seguimiento de {F|1,130} pacientes trasplantados en años anteriores, quienes recibieron sus medicamentos inmunosupresores sin interrupción.",
)
ins(
    "2021-02-19_088.txt",
    3,
    "{P|Villaseñor Arriaga} explicó que el proyecto ejecutivo se concluirá en el segundo semestre del año y que la licitación de la obra se publicará en el primer trimestre de 2022, con la meta de que el hospital abra sus puertas en 2024.",
)
ins(
    "2022-10-12_088.txt",
    4,
    "La doctora {P|Canché Poot} añadió que las mujeres menores de {F|40} años también deben realizarse la autoexploración cada mes, de preferencia una semana después de la menstruación, y acudir a su unidad ante cualquier bulto, retracción del pezón o cambio en la piel.",
)
ins(
    "2023-03-05_134.txt",
    4,
    "La modalidad, recordó {P|Ledesma Arriola}, también está abierta a choferes de plataformas digitales, comerciantes, artesanos y profesionistas que no cuentan con un patrón.",
)
ins(
    "2023-08-22_441.txt",
    4,
    "La guardería funcionará de lunes a viernes de 6:30 a 19:30 horas y ofrecerá {F|cuatro} comidas al día, con menús diseñados por nutriólogas del Instituto, informó {P|Zepeda Almazán}.",
)
ins(
    "2024-05-14_238.txt",
    4,
    "{P|Ríos Landeros} destacó que la enfermería del {O|IMSS} participa en programas de visita domiciliaria, atención a personas con enfermedades crónicas y clínicas de heridas, en los que el personal toma decisiones clínicas con autonomía.",
)
ins(
    "2024-05-14_238.txt",
    7,
    "Durante la ceremonia también se recordó a las {F|142} enfermeras y enfermeros del {O|IMSS} que perdieron la vida durante la emergencia sanitaria por COVID-19, a quienes se dedicó un minuto de aplausos.",
)
ins(
    "2024-11-27_602.txt",
    4,
    "Desde su creación, Código Infarto se ha extendido a {F|25} hospitales del {O|IMSS} en el país; en {L|Chihuahua}, la mortalidad de los pacientes atendidos bajo el protocolo bajó de {F|20} a {F|8 por ciento}, informó {P|Terrazas Baeza}.",
)
ins(
    "2025-01-02_001.txt",
    3,
    "Entre los nacimientos hubo {F|cinco} pares de gemelos y {F|un} parto de trillizos en {L|Guadalajara}, que se atendió por cesárea programada con un equipo de {F|14} especialistas.",
)
ins(
    "2025-01-02_001.txt",
    5,
    "{P|Landa Irigoyen} recordó que la vigilancia prenatal en la unidad de medicina familiar incluye al menos {F|ocho} consultas durante el embarazo, además de estudios de laboratorio y ultrasonido, y pidió a las mujeres embarazadas acudir desde el primer trimestre.",
)
ins(
    "sin-fecha_clinicas.txt",
    3,
    "Según {P|Bojórquez Lugo}, el modelo se basa en la revisión periódica de los pies en la unidad de medicina familiar, la clasificación del riesgo y el envío oportuno a la clínica, donde se realizan curaciones avanzadas, descarga de presión con calzado especial y control de la glucosa.",
)
ins(
    "sin-fecha_lactancia.md",
    3,
    "Añadió que la ley otorga a las madres trabajadoras {F|dos} reposos extraordinarios por día, de media hora cada uno, para alimentar a sus hijos o extraer su leche durante los primeros {F|seis} meses después del parto.",
)
ins(
    "2020-04-14_101.txt",
    7,
    "{P|Ruelas Ibarra} precisó que el hospital temporal recibirá pacientes referidos por el {O|Hospital General Regional} No. 20, así como por las unidades del {O|ISSSTE} y de la {O|Secretaría de Salud} en el estado, sin importar su derechohabiencia.",
)
