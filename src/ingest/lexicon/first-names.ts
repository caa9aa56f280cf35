// Common given names whose bearer the news almost always calls "she" or "he", for pronoun agreement when the text
// gives no honorific. Lower case. Names used for both (Alex, Sam, Jordan, Robin…) are left out on purpose.

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

export const FEMININE_GIVEN_NAMES: ReadonlySet<string> = words(`
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice
judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
marie kayla alexis lori anne jane louise claire sophie chloe lucy ella amelia mia ava harriet imogen eleanor jessie
fiona siobhan niamh aoife bridget sinead ingrid astrid freya elena irina olga natalia svetlana tatiana yulia anastasia
ekaterina marina galina ludmila katarzyna agnieszka magdalena monika ewa francesca giulia chiara giovanna alessandra
carmen lucia isabel ana beatriz camila fernanda gabriela valentina mariana paula sofia laila leila fatima aisha amina
zainab mariam yasmin priya anjali sunita deepa pooja neha aiko yuki mei ling xiu hui jin min-ji ji-woo nadia nadine
helena greta birgit hanna heidi petra sabine ursula monique sylvie nathalie isabelle camille amelie chantal brigitte
wanjiru precious blessing joy chidinma ngozi adaeze folake nkechi thandiwe lerato naledi rosa rose melanie
imani keisha latoya tamika shanice jade ruby poppy daisy juanita gwen kathy cathy kate katie beth liz sue
debbie tina tracy wendy joanna nicola kirsty gemma leanne hayley stacey kerry carly
`);

export const MASCULINE_GIVEN_NAMES: ReadonlySet<string> = words(`
james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark donald
steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry
gerald harold sean austin carl arthur lawrence dylan jesse bryan joe billy bruce albert willie gabriel logan
alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny tom tony jim bob mike dave
steve chris nick ben dan matt rob bill ian colin graham neil nigel simon martin owen rhys gareth hugh rory callum
liam conor declan ciaran seamus sergei sergey vladimir dmitry dmitri alexei alexey mikhail ivan igor oleg nikolai
yuri boris viktor andrei pavel maxim piotr tomasz krzysztof marek jakub pawel giuseppe giovanni marco luca matteo
francesco alessandro lorenzo antonio carlos miguel luis javier diego pablo alejandro fernando rafael manuel jorge
pedro ricardo eduardo mohammed muhammad ahmed ali omar hassan hussein mahmoud ibrahim youssef khalid rahul amit
raj vikram arjun sanjay anil ravi hiroshi takeshi kenji haruto wei jun hao ming jian chen-wei min-jun ji-ho kwame
kofi chidi emeka tunde oluwaseun sipho thabo themba bongani hans klaus jurgen wolfgang stefan tobias lukas felix
jonas henrik lars anders nils sven bjorn mikkel pierre jean-pierre jacques francois philippe olivier nicolas
laurent thierry mathieu antoine ken ted ed fred tim greg jeff andy rick ron don jon josh zach nate chad brett brent
kurt troy glenn lance todd craig derek darren shane wade dale duane clint curtis travis marcus darius tyrone jamal
andre reggie leon otto hugo oscar max jake luke sam harry charlie alfie archie freddie theo stanley jason
`);
