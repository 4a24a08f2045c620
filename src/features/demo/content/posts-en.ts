/**
 * English demo posts for "The Lantern", plus one Russian translation (the pickets story), so the
 * demo exercises translations. Everything here is fictional and was written for Broadside.
 */
import type { DemoPost } from './types.js';

export const demoPostsEn: DemoPost[] = [
  {
    key: 'en-court-extends-detention-of-mira-osipova',
    slug: 'court-extends-detention-of-mira-osipova',
    language: 'en',
    title: "Court extends detention of journalist Mira Osipova by two months",
    standfirst: "A judge at the Velmora District Court kept the reporter in custody after a hearing that lasted eleven minutes, most of them spent on the date of the next one.",
    body: `Mira Osipova will spend at least two more months in the city's pre-trial detention centre after Judge Irena Sallis agreed on Tuesday to a prosecution request to extend her custody until 6 February.

Osipova, 34, was detained on 6 November at her flat in the Old Wharf district, two weeks after publishing an investigation into the sale of municipal land at Eastbank Quay. She is charged under Article 212 of the Criminal Code, which covers "knowingly false information about public officials" and carries a sentence of up to five years.

Osipova has written for The Lantern as a freelancer. We say so in every story we publish about her case.

## Eleven minutes

The hearing began forty minutes late and ended eleven minutes after it started. Osipova appeared by video link from the detention centre, sitting in front of a pale green wall. Her lawyer, Daniel Rask, was in the courtroom.

The prosecutor told the court that Osipova might "put pressure on witnesses" if released, and that she holds a valid passport. Rask replied that his client had surrendered her passport voluntarily on the day of her arrest, that the prosecution had not named a single witness it believed to be at risk, and that she had offered to live under house arrest at her mother's address.

> "My client is a reporter who published a story with her name on it. She did not hide, she did not run, and she answered every question the investigators asked. What exactly is she supposed to flee from?"

Judge Sallis did not respond to the question. She granted the extension in full and set the next review for late January.

## In the gallery

Eighteen people came to the hearing, among them Osipova's mother, two former colleagues and several members of a readers' group that has attended every hearing since November. Court staff allowed twelve into the public gallery, citing the size of the room; the others waited in the corridor.

When the video link opened, Osipova raised her hand to the camera and mouthed a greeting to her mother. She looked tired but composed. Asked by the judge whether she understood the decision, she said: "I understand it. I do not agree with it."

## What happens next

Rask said he would appeal the extension to the Regional Court of Appeal, although he acknowledged that such appeals rarely succeed. The investigation, he said, has produced no document that contradicts the figures in Osipova's article.

The prosecutor's office declined to comment, saying that the case was "at the investigative stage".`,
    publishedAt: '2024-12-03T15:10:00Z',
    authors: ['anna-keller'],
    categories: ['courts', 'prisoners'],
    tags: ['Mira Osipova', 'hearings', 'press freedom', 'Velmora'],
  },
  {
    key: 'en-why-we-will-be-in-court-for-every-hearing',
    slug: 'why-we-will-be-in-court-for-every-hearing',
    language: 'en',
    title: "Why we will be in court for every hearing",
    standfirst: "A note from the editors on how we plan to cover the case against Mira Osipova, and why we are asking readers to help us do it.",
    body: `Since Mira Osipova was detained in November, one of us has been in the Velmora District Court for every hearing in her case. We want to explain why we intend to keep doing that for as long as the case lasts, and what it will take.

## Because nobody else will

Most hearings in a criminal case are short and repetitive. The prosecutor asks for more time, the defence objects, the judge sets a date. Larger outlets sensibly decide that such hearings are not news. But the small details that turn up over months of them are often the whole story: a witness who changes a date, a document that appears in the file without explanation, a request for a closed hearing that nobody argues against because nobody is there.

If we are in the room, those details get written down. If we are not, they disappear.

## Because we know her

Mira has written for us. That is a reason for us to care about her case, and it is also a reason for readers to check our work carefully. We will keep saying so at the top of every report. We will not describe the evidence as stronger or weaker than it is, and we will report what the prosecution says as fully as what the defence says. If we get something wrong, we will correct it in public.

## What it costs

Covering one long case properly is not expensive by the standards of big newsrooms, but it is expensive for us. For the coming year we have estimated:

- one reporter's time on court days, roughly two days a month;
- travel to the Regional Court of Appeal whenever the case goes there;
- an independent legal reviewer who reads each report before publication;
- translation of key documents and of our reports for Russian-speaking readers.

Together that comes to a little under a fifth of our annual budget.

## How you can help

If you can, please become a monthly supporter. Our [support page](/support-us/) explains the different ways to give, including by bank transfer. If you cannot give money, you can give time: the readers' group that sits in the public gallery welcomes new members, and an extra pair of ears in the room is always useful.

We would rather be writing about something else. Until we can, we will be in court.

Anna Keller and Timur Belov`,
    publishedAt: '2024-12-18T09:00:00Z',
    authors: ['anna-keller', 'timur-belov'],
    categories: ['newsroom'],
    tags: ['reader support', 'Mira Osipova', 'press freedom'],
    commentStatus: 'closed',
  },
  {
    key: 'en-tram-drivers-vote-to-strike',
    slug: 'tram-drivers-vote-to-strike',
    language: 'en',
    title: "Tram drivers vote to strike over split shifts and pay",
    standfirst: "Almost four in five drivers who took part in the union ballot backed strike action, the first on Velmora's trams in fourteen years.",
    body: `Velmora's tram drivers have voted to strike from 10 February unless the city transport company agrees to scrap a new shift pattern and reopen talks on pay, the Velmora Tram and Transit Workers' Union said on Tuesday.

Of the 612 drivers who returned ballots, 78 per cent voted for a strike, on a turnout of 71 per cent. It is the first strike ballot on the tram network since 2011.

## Split shifts

The dispute began in October, when the transport company introduced what it calls a "flexible duty roster". Under the new pattern, many drivers work a morning block and an evening block on the same day, with an unpaid gap of up to five hours in between.

Drivers who spoke to The Lantern at the Northern Depot said the change had turned an eight-hour shift into a thirteen-hour day. "I live forty minutes from the depot," said one driver, who asked not to be named because she fears disciplinary action. "There is no point going home in the gap. So I sit in the canteen, unpaid, and then I drive the evening rush tired."

## What the union is asking for

The union has set out four demands:

1. withdrawal of the split-shift roster and a return to the previous pattern while talks take place;
2. a pay rise in line with the city's own inflation figure for last year;
3. paid rest time at the end of the line, which drivers say has been squeezed by tighter timetables;
4. an independent review of the cab temperature problems on the older trams.

Yakov Lenz, the union's deputy chair and its most visible organiser, told a meeting of members after the result: "Nobody in that room wants to strike. People want to get home to their kids. But we have asked politely since October and we have been told the roster is not up for discussion. Now it is."

## The company's response

In a short statement, the transport company said the new roster was necessary to cover peak hours "within the budget set by the city council" and that it remained "open to dialogue". It said contingency plans, including replacement buses on some routes, would be published before any strike begins.

A council spokesperson said the budget for the transport company had been set before the dispute and that the council did not intervene in "operational matters".

The union must give the company formal notice of the strike dates at least ten days in advance. Lenz said the notice would be delivered "this week, by hand".`,
    publishedAt: '2025-01-14T17:45:00Z',
    authors: ['timur-belov'],
    categories: ['labour'],
    tags: ['tram strike', 'Velmora', 'Yakov Lenz'],
  },
  {
    key: 'en-union-organiser-yakov-lenz-detained',
    slug: 'union-organiser-yakov-lenz-detained',
    language: 'en',
    title: "Tram union organiser Yakov Lenz detained ten days before strike",
    standfirst: "Police took the deputy chair of the tram workers' union from his home late on Friday evening; his lawyer says he has not been told what he is accused of.",
    body: `Yakov Lenz, the deputy chair of the Velmora Tram and Transit Workers' Union, was detained by police at his home in the Karsk Road estate late on Friday evening, ten days before a tram strike he helped to organise is due to begin.

His wife, Elena Lenz, told The Lantern by phone that four officers arrived shortly after ten o'clock, searched the flat for about an hour and took away two laptops, a phone and several folders of union paperwork. "They were polite," she said. "They would not say why. They told him to bring warm clothes."

## No charge yet

Lenz's lawyer, Sofia Antal, said she had been allowed to speak to her client briefly at the central police station but had not been shown any document setting out an accusation. Under the Criminal Procedure Code, a suspect may be held for up to 72 hours before a court must decide whether to order detention.

"The officers mentioned the rally on 14 December," Antal said. "That rally was notified to the city in advance, it was peaceful, and the police were present throughout. If that is the basis for this, it is a very thin one."

The rally outside the transport company's headquarters drew around 800 people. Lenz spoke for about ten minutes from the back of a flatbed truck.

## Union says strike will go ahead

Within an hour of the detention, the union's executive met in an emergency session at its offices on Foundry Street. Its chair, Marta Holub, said afterwards that the strike notice delivered earlier this month "stands as written".

"If somebody thinks that taking Yakov away will make drivers forget why they voted, they do not know our members," she said.

Police and the prosecutor's office did not respond to requests for comment on Friday night.

This is a developing story and we will update it as we learn more.`,
    postscript: `**Update, 3 February 2025:** On Monday afternoon the Velmora District Court ordered that Lenz be held in pre-trial detention until 10 April. He is charged with "organising mass disorder" in connection with the 14 December rally. Antal said she would appeal. We will report from every hearing in his case, as we do in Mira Osipova's.`,
    publishedAt: '2025-01-31T23:30:00Z',
    authors: ['timur-belov'],
    categories: ['prisoners', 'labour'],
    tags: ['Yakov Lenz', 'tram strike', 'Velmora'],
  },
  {
    key: 'en-explainer-article-212',
    slug: 'explainer-article-212',
    language: 'en',
    title: "Explainer: what Article 212 says, and why it keeps turning up in court",
    standfirst: "The law used against Mira Osipova was written for a different purpose. Here is what it covers, how it has been used, and what prosecutors have to prove.",
    body: `Article 212 of the Criminal Code is a short provision with a long shadow. It is the law under which the reporter Mira Osipova has been held since November, and readers have asked us to explain it. This is our attempt to do that plainly.

## What the law says

In its current form, Article 212 makes it an offence to spread "knowingly false information" about a public official "in connection with the performance of their duties", where that information is "capable of undermining public trust in state bodies". The maximum sentence is five years in prison, or seven if the offence is committed "using the mass media or the internet".[^1]

The key word is "knowingly". Prosecutors must show not only that a statement was false, but that the person who made it knew it was false at the time.

## Where it came from

The article was added to the code in 2009, during a debate about anonymous smear campaigns before local elections. Its supporters at the time said it was aimed at fabricated leaflets and forged documents, not at journalism. The explanatory note that accompanied the bill said it should not apply to "good-faith reporting, even where it contains errors".

## How it has been used

For most of its first decade the article was almost never used. Court statistics published by the Ministry of Justice show a handful of cases a year, most of them involving forged letters. The picture has changed since then. Our own count, based on court listings, looks like this:

- **2019 to 2021:** nine cases, two involving journalists;
- **2022 to 2023:** twenty-three cases, eleven involving journalists or bloggers;
- **2024:** at least sixteen cases, seven involving journalists, including Osipova.

We have published our list of cases, with the sources for each, and we will correct it if readers point out omissions.[^2]

## What the prosecution has to prove in Osipova's case

Osipova's article reported that a plot of municipal land at Eastbank Quay was sold for about a third of its assessed value, and that a deputy head of the city's property department had a family connection to the buyer. To convict her, the prosecution will have to show that at least one of those statements was false and that she knew it.

So far, the prosecution has not said publicly which statement it considers false. Her lawyer, Daniel Rask, says the valuation figure comes from the city's own published register, and that the family connection is set out in a company filing.

## What happens if a court finds a statement was wrong but not deliberate

In principle, nothing criminal. A mistake made in good faith is a matter for a correction or, at most, a civil claim for defamation. That distinction is the heart of the case, and it is the reason we will be reporting the evidence on the question of knowledge in particular detail when the trial begins.

[^1]: The higher maximum for offences committed through the media was added by an amendment in 2021. The amendment did not define "mass media", and courts have applied it to newsletters, social media posts and a printed notice in a stairwell.
[^2]: The list is maintained as a shared spreadsheet by our court desk. It covers cases that reached a court hearing; cases dropped at the investigation stage are not included, because there is no public record of them.`,
    publishedAt: '2025-02-27T11:00:00Z',
    authors: ['anna-keller'],
    categories: ['analysis', 'courts'],
    tags: ['press freedom', 'Mira Osipova', 'hearings'],
  },
  {
    key: 'en-tram-strike-timeline',
    slug: 'tram-strike-timeline',
    language: 'en',
    title: "Six weeks without trams: a timeline of the strike",
    standfirst: "The tram drivers' strike has been suspended after the transport company withdrew its split-shift roster. Here is how six weeks on the picket line unfolded.",
    body: `Velmora's trams will run again from Monday morning after the drivers' union voted on Saturday to suspend its strike. The transport company has agreed to withdraw its split-shift roster while talks on pay continue under an independent mediator.

The deal does not settle everything. Pay remains unresolved, and the union's deputy chair, Yakov Lenz, is still in pre-trial detention. But for the drivers who stood at depot gates in February's sleet, it is the first concession the company has made since the dispute began in October.

## How it unfolded

| Date | What happened |
| --- | --- |
| 14 January | Drivers vote 78 per cent for strike action on a 71 per cent turnout |
| 17 January | Union delivers formal strike notice by hand |
| 31 January | Yakov Lenz detained at his home |
| 3 February | Court orders Lenz held until 10 April on a charge of organising mass disorder |
| 10 February | Strike begins; no trams leave the Northern or Riverside depots |
| 12 February | Company runs replacement buses on four of eleven routes |
| 21 February | First talks, ending after ninety minutes without agreement |
| 4 March | Nurses and bakery workers join a solidarity march to the transport company's offices |
| 11 March | Company offers to pay for two hours of the split-shift gap; union rejects the offer |
| 18 March | Council asks an independent mediator to convene talks |
| 21 March | Company agrees to withdraw the roster pending mediation |
| 22 March | Members vote to suspend the strike |

## On the picket line

For six weeks, the gates of the Northern Depot were staffed from five in the morning until late at night. Drivers brought urns of tea and a brazier made from an oil drum. Retired drivers came to take the night shifts. Residents of the flats opposite lowered a basket of pastries on a rope on the first Sunday, and kept doing it.

Strike pay, funded by the union's reserves and by a collection that raised money in every district of the city, covered roughly half of a driver's normal wage.

## What the drivers say

At the meeting that voted to suspend the strike, the mood was relieved rather than triumphant. "We won the roster," one driver told us outside. "We have not won anything else yet. And Yakov is still inside."

Marta Holub, the union's chair, told members that the mediation would begin within a fortnight and that the union reserved the right to resume the strike with seven days' notice if talks broke down.

## What passengers say

Opinion among passengers has been more divided than either side likes to admit. Many told us they supported the drivers but were exhausted by long walks and crowded buses. Several small shopkeepers on the Riverside line said their takings had fallen by a third.

We will follow the mediation and report on its outcome.`,
    publishedAt: '2025-03-24T16:20:00Z',
    authors: ['timur-belov'],
    categories: ['labour'],
    tags: ['tram strike', 'Velmora', 'solidarity', 'Yakov Lenz'],
  },
  {
    key: 'en-lenz-bail-refused-second-charge',
    slug: 'lenz-bail-refused-second-charge',
    language: 'en',
    title: "Bail refused for Yakov Lenz as prosecutors add a second charge",
    standfirst: "The tram union organiser now also faces a charge of calling for the obstruction of critical infrastructure, based on a speech he gave in December.",
    body: `A judge at the Velmora District Court refused on Tuesday to release Yakov Lenz on bail and extended his pre-trial detention for a further three months, after prosecutors announced that they had added a second charge against him.

Lenz, 51, the deputy chair of the Velmora Tram and Transit Workers' Union, has been in custody since 31 January. He was initially charged with "organising mass disorder" over a rally on 14 December. He is now also accused of "public calls to obstruct the operation of critical infrastructure", an offence that carries up to four years in prison.

## The speech

The new charge rests on a ten-minute speech Lenz gave from a truck at the December rally. The prosecution quoted one sentence from a transcript: "If they will not listen to us, the city will find out what it looks like when the trams stop."

Lenz's lawyer, Sofia Antal, told the court that the sentence described a lawful strike, which the union later balloted for and announced in accordance with the law. "A tram strike is not sabotage," she said. "It is a right written into the Labour Code. Calling for it cannot be a crime."

The prosecutor said that trams were classified as critical infrastructure under a 2022 government decree and that "the right to strike does not extend to incitement". The court did not rule on that argument, which will be decided at trial.

## Bail

Antal offered bail of a sum raised by union members, a guarantee from the union's chair, and a condition that Lenz live at his home address and report to police daily. The judge rejected the application, saying that Lenz "retains influence over a large organised group" and could "use that influence to obstruct the investigation".

Lenz, who appeared in person for the first time since his arrest, stood in a glass enclosure at the side of the courtroom. He had lost weight. When the judge asked whether he had anything to add, he said: "Only that the drivers went back to work three weeks ago, so I do not know whose influence I am supposed to be using."

## In the courtroom

About forty people came, many wearing the union's green scarves. Court staff allowed twenty into the room. When Lenz was led out, the public gallery stood up. The judge asked them to sit down; most of them did not.

His next detention review is scheduled for early July.`,
    postscript: `**Correction, 9 April 2025:** An earlier version of this report said the new charge carried up to five years in prison. The maximum sentence is four years. We have corrected the text.`,
    publishedAt: '2025-04-08T14:35:00Z',
    authors: ['anna-keller'],
    categories: ['courts', 'prisoners'],
    tags: ['Yakov Lenz', 'hearings', 'Velmora'],
  },
  {
    key: 'en-kessel-street-tenants-refuse-to-leave',
    slug: 'kessel-street-tenants-refuse-to-leave',
    language: 'en',
    title: "Kessel Street tenants refuse to leave as quay redevelopment advances",
    standfirst: "Sixty-four households in three pre-war blocks have been given until the end of September to move out. Most of them say they will not go.",
    body: `The letters arrived on the same morning in early April, one under every door of the three brick blocks at the end of Kessel Street. They told the residents of sixty-four flats that their tenancies would end on 30 September, to make way for the second phase of the Eastbank Quay redevelopment.

Three weeks later, the residents have formed a tenants' association, hired a lawyer and hung a banner from the top floor of the middle block. It reads: "We live here."

## Who lives on Kessel Street

The blocks were built in the 1930s for workers at the old river port and most of the flats were transferred to the city's housing company in the 1990s. The rest belong to a small housing cooperative. Many of the current tenants have lived there for decades. Among those we met were a retired crane operator who has been in the same flat since 1978, a family of five in two rooms, and a nurse who works nights at Riverside General Hospital, a fifteen-minute walk away.

Rents are low by the standards of the city, which is precisely why the residents say they cannot leave. "Where am I supposed to go for this money?" asked Vera Linde, 67, who chairs the new association. "They offer us a list of flats on the far side of the ring road. I do not drive. My doctor is here. My husband is buried here."

## The development

The redevelopment is being carried out by the Quayline Development Group, which bought land at Eastbank Quay from the city in 2023. The sale of that land was the subject of the investigation for which the journalist Mira Osipova is now on trial.

Quayline's plans for the second phase, published on the city's planning portal, show a hotel, offices and about 300 apartments on the site of the Kessel Street blocks. A company spokesperson told us that the scheme includes "a proportion of affordable units" and that tenants will be offered relocation assistance.

## The legal question

The tenants' lawyer argues that the housing company had no right to end the tenancies because the transfer of the buildings to Quayline has not yet been completed, and because the planning permission for the second phase is conditional on a study of the river embankment that has not been carried out.

The association intends to ask a court to suspend the eviction notices. A first hearing is expected in June.

The city's housing company said in a statement that it was "acting in accordance with the agreement approved by the council" and that each household would be "treated with respect".

On the ground floor of the middle block, someone has taped a hand-written notice next to the letterboxes. It lists the dates of the next three residents' meetings, and underneath, in capitals: "Nobody signs anything alone."`,
    postscript: `**Correction, 2 May 2025:** An earlier version of this report said that all sixty-four households rent their flats from the city's housing company. Eleven of them rent from a housing cooperative. We have corrected the text, and we thank the reader who pointed out the error.`,
    publishedAt: '2025-04-29T07:30:00Z',
    authors: ['timur-belov'],
    categories: ['reporting'],
    tags: ['housing', 'Velmora', 'city council'],
  },
  {
    key: 'en-osipova-trial-opens',
    slug: 'osipova-trial-opens',
    language: 'en',
    title: "Mira Osipova's trial opens behind a half-closed door",
    standfirst: "On the first day of the reporter's trial, the judge agreed to hear part of the evidence in private, citing the personal data of an official named in her article.",
    body: `The trial of the journalist Mira Osipova began at the Velmora District Court on Tuesday, six and a half months after her arrest, with a ruling that part of the case will be heard behind closed doors.

Osipova, who has written for The Lantern as a freelancer, pleaded not guilty to a charge under Article 212 of the Criminal Code of spreading knowingly false information about a public official.

## A partly closed trial

At the start of the hearing, the prosecution asked Judge Irena Sallis to close the courtroom to the public and the press while the court examines documents concerning the family of the official named in Osipova's article, a deputy head of the city's property department. The prosecutor said the documents contained "personal data of third parties".

The defence objected. Osipova's lawyer, Daniel Rask, said that the relevant facts were already public, since they appear in a company filing, and that closing the court would prevent the public from judging the central question in the case: whether what Osipova wrote was true.

Judge Sallis granted the request in part. Sessions dealing with the official's family documents will be closed; the rest of the trial will be open.

## The charge, as read out

The indictment, read aloud by the prosecutor, runs to nine pages. It accuses Osipova of stating that a plot at Eastbank Quay was sold for about a third of its value "without a proper basis", and of implying "an unlawful conflict of interest" that the prosecution says did not exist.

Asked whether she understood the charge, Osipova stood up in the glass enclosure and said: "I understand it. Everything I wrote, I can show you where it came from."

## Who was there

The courtroom holds thirty people and every seat was taken. Observers from two press freedom organisations attended, as did a diplomat from a neighbouring country's embassy who declined to be named. Osipova's mother sat in the front row. When her daughter was brought in, she held up a drawing made by Osipova's niece: a house, a river and a large yellow sun.

## The schedule

The court has set the following dates:

| Date | Stage |
| --- | --- |
| 3 June | Prosecution witnesses: two officials from the property department |
| 17 June | Closed session on the family documents |
| 1 July | Expert evidence on the land valuation |
| 15 July | Defence witnesses |

Osipova remains in custody. The judge extended her detention for the duration of the trial.`,
    postscript: `P.S. The next hearing is on 3 June at 10:00 in courtroom 4 of the Velmora District Court. The public gallery opens about fifteen minutes beforehand; bring an identity document.`,
    publishedAt: '2025-05-20T16:05:00Z',
    authors: ['anna-keller'],
    categories: ['courts', 'prisoners'],
    tags: ['Mira Osipova', 'hearings', 'press freedom'],
  },
  {
    key: 'pickets-in-twelve-towns',
    slug: 'pickets-in-twelve-towns',
    language: 'en',
    title: "Pickets in twelve towns on the same day for Yakov Lenz",
    standfirst: "At noon on Saturday, people in twelve towns stood outside courthouses, depots and town halls to demand the release of the jailed tram union organiser.",
    body: `At exactly twelve o'clock on Saturday, people in twelve towns unfolded banners at the same moment. In Velmora they stood on the steps of the District Court. In Karsk they gathered outside the bus depot. In Veymar, a town of nine thousand people, eleven residents stood in a line outside the post office holding a single long strip of cloth with the words "Free Yakov Lenz".

Lenz, the deputy chair of the Velmora Tram and Transit Workers' Union, has been in pre-trial detention since 31 January. He is charged with organising mass disorder and with calling for the obstruction of critical infrastructure, both in connection with a rally and a speech in December. He denies both charges.

## How it was organised

The pickets were coordinated by a support committee set up by tram drivers and their families in February. Its members spent the spring contacting union branches, tenants' associations and church groups in other towns. Each local group notified its own town hall in advance, as the law requires, and chose its own location.

"We wanted people to see that this is not only a Velmora story," said Nadia Perl, a retired driver who sits on the committee. "If a union organiser can be jailed for a speech here, it can happen in any town."

## Who came

Our reporters were in Velmora and Karsk. For the other towns, we relied on photographs and counts sent by local organisers, which we checked against local reports and, where possible, against a second person present.

| Town | Location | Estimated attendance |
| --- | --- | --- |
| Velmora | District Court steps | 450 |
| Karsk | Bus depot | 120 |
| Dunmere | Town hall | 60 |
| Ostrel | Railway station | 45 |
| Lisel | Market square | 40 |
| Tarvik | Hospital entrance | 35 |
| Oskel | Town hall | 30 |
| Pravin | Union offices | 25 |
| Sorenka | Bridge over the river | 20 |
| Ulmeny | Library | 18 |
| Rostel | Bus station | 15 |
| Veymar | Post office | 11 |

## In Velmora

On the court steps, the crowd was quiet for most of the hour. Drivers in uniform stood next to nurses, students and pensioners. Elena Lenz, Yakov's wife, read out a letter from her husband, written in the detention centre and passed to her by his lawyer.

> "I am told that there are people standing in towns I have never visited, for a man they have never met. I do not know how to thank you, so I will only say this: do not stand for me alone. Stand for everyone who is afraid to speak at work."

Police officers watched from across the square. There were no detentions in any of the twelve towns, according to the organisers.

## What comes next

The support committee says it will hold pickets on the second Saturday of every month until Lenz is released. His next detention review is scheduled for early July. His trial is not expected to begin before the end of the year.`,
    publishedAt: '2025-06-14T15:00:00Z',
    authors: ['timur-belov', 'anna-keller'],
    categories: ['pickets', 'prisoners'],
    tags: ['Yakov Lenz', 'pickets', 'solidarity'],
  },
  {
    key: 'pickets-in-twelve-towns-ru',
    slug: 'pikety-v-dvenadtsati-gorodakh',
    language: 'ru',
    title: "Пикеты в двенадцати городах в один день в поддержку Якова Ленца",
    standfirst: "В субботу ровно в полдень жители двенадцати городов вышли к зданиям судов, депо и мэрий, чтобы потребовать освобождения арестованного профсоюзного организатора трамвайщиков.",
    body: `В субботу ровно в двенадцать часов люди в двенадцати городах одновременно развернули плакаты. В Велморе они стояли на ступенях районного суда. В Карске собрались у автобусного депо. В Веймаре, городке с населением девять тысяч человек, одиннадцать жителей выстроились в ряд у почты, держа одну длинную полосу ткани с надписью "Свободу Якову Ленцу".

Ленц, заместитель председателя Профсоюза работников трамвая и транспорта Велморы, находится в предварительном заключении с 31 января. Ему предъявлены обвинения в организации массовых беспорядков и в призывах к воспрепятствованию работе критической инфраструктуры, оба в связи с митингом и выступлением в декабре. Он отрицает оба обвинения.

## Как это было организовано

Пикеты координировал комитет поддержки, который водители трамваев и их семьи создали в феврале. Всю весну его участники связывались с профсоюзными ячейками, объединениями жильцов и церковными общинами в других городах. Каждая местная группа заранее уведомила свою мэрию, как того требует закон, и сама выбрала место.

"Мы хотели, чтобы люди увидели: это история не только про Велмору, - говорит Надя Перл, водитель на пенсии и член комитета. - Если здесь профсоюзного организатора можно посадить за речь, это может случиться в любом городе".

## Кто пришел

Наши корреспонденты были в Велморе и Карске. По остальным городам мы опирались на фотографии и подсчеты, присланные местными организаторами, и сверяли их с местными публикациями, а где было возможно - со словами второго очевидца.

| Город | Место | Примерное число участников |
| --- | --- | --- |
| Велмора | Ступени районного суда | 450 |
| Карск | Автобусное депо | 120 |
| Данмир | Мэрия | 60 |
| Острель | Железнодорожный вокзал | 45 |
| Лизель | Рыночная площадь | 40 |
| Тарвик | Вход в больницу | 35 |
| Оскель | Мэрия | 30 |
| Правин | Офис профсоюза | 25 |
| Соренка | Мост через реку | 20 |
| Ульмены | Библиотека | 18 |
| Ростель | Автовокзал | 15 |
| Веймар | Почта | 11 |

## В Велморе

На ступенях суда люди почти весь час стояли молча. Водители в форме стояли рядом с медсестрами, студентами и пенсионерами. Елена Ленц, жена Якова, зачитала письмо мужа, написанное в следственном изоляторе и переданное ей через адвоката.

> "Мне говорят, что в городах, где я никогда не бывал, стоят люди за человека, которого они никогда не видели. Я не знаю, как вас благодарить, поэтому скажу только одно: не стойте только за меня. Стойте за каждого, кто боится говорить на работе".

Полицейские наблюдали с другой стороны площади. По словам организаторов, ни в одном из двенадцати городов задержаний не было.

## Что дальше

Комитет поддержки намерен проводить пикеты во вторую субботу каждого месяца, пока Ленца не освободят. Следующее рассмотрение вопроса о его содержании под стражей назначено на начало июля. Суд по существу, как ожидается, начнется не раньше конца года.`,
    publishedAt: '2025-06-14T17:00:00Z',
    authors: ['timur-belov', 'anna-keller'],
    categories: ['pickets', 'prisoners'],
    tags: ['Яков Ленц', 'пикеты', 'солидарность'],
    translationOf: 'pickets-in-twelve-towns',
  },
  {
    key: 'en-mira-osipova-answers-from-detention',
    slug: 'mira-osipova-answers-from-detention',
    language: 'en',
    title: "'I would write it again': Mira Osipova answers readers' questions from detention",
    standfirst: "We collected readers' questions for the jailed reporter and passed them to her through her lawyer. Her hand-written answers came back three weeks later.",
    body: `In May we asked readers what they would like to ask Mira Osipova, who has been in pre-trial detention since November and has been on trial since 20 May. We received more than two hundred questions. We chose ten, and her lawyer, Daniel Rask, took them to the detention centre on one of his visits. Prison rules allow him to pass on written questions about the case and about her conditions; the answers must go through the centre's censor.

The answers came back on six pages of lined paper, written in pencil. One paragraph had been blacked out. What follows is a summary of her replies, with her own words where they are most telling. Osipova has written for The Lantern as a freelancer.

## On her days

Osipova shares a cell with three other women. She described the routine without complaint: an hour outside in a yard with a wire roof, library books once a week, a shower twice a week. She has been reading history and teaching one of her cellmates to play chess.

> "People imagine the worst thing is the cell. It is not. The worst thing is the waiting, because you cannot report on it. Everything here happens slowly and nothing is written down."

## On the article

A reader asked whether, knowing what she knows now, she would still have published her investigation into the land sale at Eastbank Quay. Her answer was the longest on the pages.

She wrote that she had checked every figure in the piece twice, that she had asked the property department for comment five days before publication, and that she had published its reply in full. "If somebody shows me a mistake, I will correct it, as any honest reporter would," she wrote. "Nobody has shown me one. They have shown me a cell. So yes, I would write it again. I would only write it faster."

## On the trial

Asked how she felt about the closed sessions, she said it was strange to sit in a courtroom where the only people who can hear the evidence are the people who already know it. She thanked the readers who have filled the public gallery at every open hearing. "When I come in and see faces I recognise, I stand up straighter," she wrote.

## On what readers can do

Several readers asked how they could help. Her answers were practical:

- write letters, because they arrive, even if slowly, and she reads all of them;
- keep coming to hearings, because judges notice full rooms;
- support the small newsrooms that cover courts, "so that the next person in my position is not alone";
- do not send food parcels without checking the centre's list, because most are returned.

## The blacked-out paragraph

We do not know what was in the paragraph the censor removed. Rask said it was an answer to a question about the conditions of detention. We have asked the detention centre why it was removed; it has not replied.

Letters to Osipova can be sent care of her lawyer. Write to editors@lantern.example and we will send you the address.`,
    publishedAt: '2025-07-02T08:40:00Z',
    authors: ['anna-keller'],
    categories: ['prisoners'],
    tags: ['Mira Osipova', 'press freedom', 'solidarity'],
  },
  {
    key: 'en-orange-water-in-the-vela',
    slug: 'orange-water-in-the-vela',
    language: 'en',
    title: "Orange water in the Vela: what the pigment works discharge data show",
    standfirst: "Volunteers have sampled the river below the Velmora Pigment Works every fortnight for a year. Their results, and the plant's own reports, do not match.",
    body: `Anyone who walks along the Vela below the old tannery bridge knows the stretch where the water turns the colour of weak tea, and on some days the colour of rust. For a year, a group of volunteers called Vela Watch has been taking samples there, every other Sunday, in glass jars labelled by hand.

We have analysed their results alongside the discharge reports that the Velmora Pigment Works submits to the regional environment inspectorate. The two sets of figures tell different stories.

## The numbers

The plant is permitted to discharge treated water containing up to 2.0 milligrams of dissolved iron per litre. In its quarterly reports to the inspectorate, it has never reported a figure above 1.6.

Vela Watch's samples were tested by a university laboratory that agreed to analyse them at cost.[^1] The table below shows the quarterly averages from both sources, measured at roughly the same point below the outfall.

| Quarter | Plant's reported average (mg/l) | Vela Watch average (mg/l) | Vela Watch highest single sample (mg/l) |
| --- | --- | --- | --- |
| Q3 2024 | 1.4 | 2.9 | 5.1 |
| Q4 2024 | 1.2 | 2.2 | 3.8 |
| Q1 2025 | 1.5 | 3.4 | 7.2 |
| Q2 2025 | 1.6 | 3.1 | 6.0 |

The volunteers' samples are not a regulatory measurement, and the laboratory stresses that river water varies hour by hour. But in every quarter, the volunteers' average is roughly double what the plant reports, and the highest readings tend to come on Sunday mornings, when the inspectorate does not sample.[^2]

## What the company says

The Velmora Pigment Works told us that its discharge is "continuously monitored and fully compliant", that the volunteers' sampling point is "downstream of several other potential sources", and that it would "welcome any properly accredited study".

Vela Watch says the next outfall upstream of its sampling point is a rainwater drain, and that it has sampled above the plant's outfall as a control. Those control samples averaged 0.4 milligrams per litre.

## What the inspectorate says

The regional environment inspectorate said it had received Vela Watch's data in March and was "reviewing it". It carries out four unannounced inspections of the plant a year. It did not say whether any of them took place at a weekend.

## Why it matters

Anglers on the lower Vela say fish numbers have fallen sharply. Allotment holders on the east bank, who draw river water for irrigation in dry summers, have stopped doing so. And residents of the Kessel Street blocks, a few hundred metres downstream, say the smell on still days is enough to keep the windows shut.

Two city councillors have said they will table a resolution asking the council to commission independent monitoring. We will report on the vote.

[^1]: The laboratory asked not to be named because it also carries out paid work for industrial clients. We have seen its reports and its accreditation certificate.
[^2]: Of the eleven samples above 4.0 mg/l, eight were taken between 6:00 and 8:00 on a Sunday. The inspectorate's published schedule lists sampling on weekdays only.`,
    publishedAt: '2025-07-24T10:15:00Z',
    authors: ['timur-belov', 'anna-keller'],
    categories: ['reporting', 'analysis'],
    tags: ['environment', 'Velmora', 'city council'],
  },
  {
    key: 'en-we-need-600-more-readers',
    slug: 'we-need-600-more-readers',
    language: 'en',
    title: "We need 600 more readers to get through the autumn",
    standfirst: "Two trials, a strike season and a river investigation are coming, and we cannot cover them all on the money we have. Here is what we need and why.",
    body: `We do not like writing appeals. We would much rather spend the time reporting. But this autumn is going to be the busiest in The Lantern's short history, and we need to be straight with you about the money.

## What is coming

Mira Osipova's trial is expected to reach a verdict in September. Yakov Lenz's trial is expected to begin before the end of the year. Bakery workers at Marten Bakeries are talking openly about a strike. The Kessel Street tenants have their first court date. And our investigation into the discharge from the Velmora Pigment Works has only just begun: the city council will debate it, and we want to be there.

Each of these stories needs a reporter in the room, sometimes for whole days. We currently have two.

## Where we are

Right now, 1,840 readers support us every month. Their gifts cover our two reporters' salaries, our rent and our basic running costs. They do not cover the extra things this autumn needs:

- a freelance reporter for two days a week from September to December;
- travel to hearings at the Regional Court of Appeal and to picket days in other towns;
- independent legal review of every court report before publication;
- translation, so that our Russian-speaking readers get the same stories at the same time.

We estimate that 600 more monthly supporters, giving the average amount our current supporters give, would cover all of it.

## Why we ask you and nobody else

We do not take advertising, government money or funding from the people we report on. That is why we can write what we write. It also means that when we need more, there is only one place to ask.

## How to help

If you already support us: thank you. You are the reason this newsroom exists. If you can, tell one friend why you do it.

If you do not yet support us and can afford to, please consider a monthly gift of any size. Our [support page](/support-us/) explains the ways to give, including by bank transfer and in cash at our open evenings.

If you cannot give money, we understand. Sharing our reporting, coming to a hearing or volunteering an hour of translation are all real help.

We will publish an update in October telling you how close we came.

The editors`,
    publishedAt: '2025-08-12T07:00:00Z',
    authors: ['anna-keller', 'timur-belov'],
    categories: ['newsroom'],
    tags: ['reader support', 'hearings'],
    commentStatus: 'closed',
  },
  {
    key: 'en-osipova-sentenced-to-three-years',
    slug: 'osipova-sentenced-to-three-years',
    language: 'en',
    title: "Mira Osipova sentenced to three years; defence will appeal",
    standfirst: "The court found that the reporter had knowingly misrepresented an official's family ties. It did not say what she had got wrong about the land sale itself.",
    body: `The Velmora District Court on Tuesday found the journalist Mira Osipova guilty of spreading knowingly false information about a public official and sentenced her to three years in prison. Time already spent in detention, since 6 November last year, will count towards the sentence.

Osipova, who has written for The Lantern as a freelancer, stood in the glass enclosure as Judge Irena Sallis read the verdict, which took just under an hour. She showed no reaction until the end, when she turned to the public gallery and nodded.

## What the court found

The verdict rejected the prosecution's case on the central figure in Osipova's article: the court accepted that the plot at Eastbank Quay had been sold for substantially less than its assessed value, noting that the figure came from the city's own register.

Instead, the conviction rests on a single paragraph. Osipova wrote that the buyer of the land was "a relative" of a deputy head of the city's property department. The court accepted the prosecution's argument that the two men are related by marriage rather than by blood, that Osipova "could have established this with minimal effort", and that calling him a relative was therefore "knowingly misleading".

The court did not explain why a relative by marriage is not a relative, and the defence says that distinction appears nowhere in Article 212.

## In the courtroom

About sixty people had queued from early morning. Thirty were allowed into the courtroom. When the sentence was read, someone in the gallery said "shame" quietly; the judge warned that the room would be cleared if it happened again. It did not.

Afterwards, on the court steps, Osipova's lawyer, Daniel Rask, said:

> "My client has been convicted for using the word 'relative' about a man's brother-in-law. The court itself accepts that the land was sold cheaply. That is the story she wrote. That is the story that is true."

Osipova's mother did not speak to reporters. She left holding the same drawing she has brought to every hearing.

## What happens now

The defence has ten days to lodge an appeal with the Regional Court of Appeal, which usually hears cases within four to six months. Osipova will remain in custody.

Press freedom groups that observed the trial called the verdict a warning to every local reporter in the country. The property department declined to comment. The prosecutor's office said it was "satisfied that justice has been done" and would consider whether to appeal against the length of the sentence.

We have reported from every hearing in her case so far. There will be more.`,
    publishedAt: '2025-09-09T13:40:00Z',
    authors: ['anna-keller'],
    categories: ['courts', 'prisoners'],
    tags: ['Mira Osipova', 'hearings', 'press freedom'],
    commentStatus: 'closed',
  },
  {
    key: 'en-bakery-workers-walk-out',
    slug: 'bakery-workers-walk-out',
    language: 'en',
    title: "Marten Bakeries night shift walks out over unpaid hours",
    standfirst: "Bakers and delivery drivers at the chain's central bakery stopped work at midnight, and thirty-eight shops opened on Tuesday morning with empty shelves.",
    body: `At midnight on Monday, the ovens at the Marten Bakeries central bakery on the Mill Road industrial estate were switched off, and about 240 night-shift bakers, packers and delivery drivers walked out into the yard. By seven on Tuesday morning, most of the chain's thirty-eight shops in Velmora had opened with nothing to sell except yesterday's biscuits.

The strike, called by the Food and Bakery Workers' Union after a ballot in which 88 per cent of members voted yes, is open-ended.

## The forty-five minutes

At the heart of the dispute are the forty-five minutes before each night shift officially begins. Workers say they are required to arrive early to weigh ingredients, start the dough mixers and clean down the lines from the evening shift, and that this time has never been paid.

"Forty-five minutes, five nights a week, for eleven years," said Ivo Tarnas, a baker who has worked at Mill Road since the bakery opened. "Work it out. That is more than a year of my life they have not paid for."

The union calculates that the unpaid time amounts to roughly one tenth of a full-time worker's hours. It is demanding:

- payment for the pre-shift time, starting immediately;
- back pay for the past three years, the maximum period a labour court can award;
- a night premium equal to the one paid at the chain's two bakeries outside Velmora;
- a written agreement, rather than a verbal promise from a manager.

## The company's position

Marten Bakeries said in a statement that the pre-shift tasks were "voluntary preparation" and that no worker was required to arrive before the scheduled start of their shift. It said the strike was "damaging to a local family business and to the customers who rely on it".

Workers we spoke to disagreed. Several showed us messages from supervisors asking them to "be in by a quarter past ten" for shifts starting at eleven. One said he had been given a written warning for arriving at eleven o'clock exactly.

## Solidarity from the depots

By two in the morning, a small group of tram drivers had arrived at the gate with a thermos and a banner from their own strike in February. "They came to our picket every week," one driver said. "Now we come to theirs."

The union says it has enough in its strike fund to pay members a reduced wage for about three weeks. A collection for the fund is being organised in the city's markets on Saturday.

By Tuesday afternoon, a hand-written sign had appeared in the window of the Marten shop opposite the Old Wharf tram stop: "No bread today. Ask the bakers why."`,
    publishedAt: '2025-09-30T09:20:00Z',
    authors: ['timur-belov'],
    categories: ['labour'],
    tags: ['bakery strike', 'solidarity', 'pickets', 'Velmora'],
  },
  {
    key: 'en-council-resolution-on-the-vela',
    slug: 'council-resolution-on-the-vela',
    language: 'en',
    title: "Council votes for independent monitoring of the Vela, but drops the data clause",
    standfirst: "City councillors backed weekend sampling of the river below the pigment works. An amendment requiring the plant to publish its own monitoring data was voted down.",
    body: `Velmora city council voted on Tuesday evening to fund independent monitoring of the river Vela below the Velmora Pigment Works, three months after our reporting showed that volunteer sampling had found iron levels roughly double those declared by the plant.

The resolution passed by 31 votes to 14, with four abstentions, after a debate of nearly two hours. But a key amendment, which would have asked the plant to publish its own continuous monitoring data online, was defeated by three votes.

## What the resolution does

The resolution, tabled by two councillors from different parties, commits the council to:

1. commission an accredited laboratory to sample the Vela at three points for twelve months, including at weekends;
2. publish the results every month on the council's website;
3. ask the regional environment inspectorate to review the plant's permit if the results show a breach;
4. meet the Vela Watch volunteers and invite them to observe the sampling.

The cost, estimated at a little under one per cent of the council's environment budget, will come from a reserve fund.

## What it does not do

The council has no power to fine the plant or change its permit, which is a matter for the regional inspectorate. The defeated amendment would have gone furthest, by asking the plant to share its own data voluntarily and by stating that the council would "take into account" any refusal in future dealings with the company.

Councillors who voted against the amendment said it risked "singling out a single employer" and could affect the plant's 400 jobs. One told the chamber that "we should wait for the facts before we start making demands".

Supporters replied that the plant already collects the data and that publishing it would cost nothing. "If the figures are fine, publishing them will prove it," one councillor said. "If they are not, we have a right to know."

## Outside the chamber

About seventy people, many of them anglers and allotment holders from the east bank, waited outside the council building during the debate. Several residents of the Kessel Street blocks brought jars of river water to show councillors on their way in.

Members of Vela Watch watched from the public gallery. Afterwards, its coordinator, Hana Reiss, said the group was "pleased, tired and not finished".

"A year ago nobody would take our jars seriously," she said. "Tonight the council voted to do what we have been doing every other Sunday. We will keep sampling until their laboratory starts, and then we will compare."

The Velmora Pigment Works said it "noted the council's decision" and would "cooperate with any properly conducted study".`,
    postscript: `**Update, 23 October 2025:** The regional environment inspectorate told The Lantern on Thursday that it would add weekend sampling to its own schedule for the Vela "from the next quarter". It did not say how often.`,
    publishedAt: '2025-10-21T20:50:00Z',
    authors: ['timur-belov'],
    categories: ['reporting', 'campaigns'],
    tags: ['environment', 'city council', 'Velmora'],
  },
  {
    key: 'en-bakery-strike-ends-with-written-deal',
    slug: 'bakery-strike-ends-with-written-deal',
    language: 'en',
    title: "Bakery strike ends with a written deal on night pay",
    standfirst: "After six weeks, Marten Bakeries has agreed to pay the pre-shift time and a night premium. Back pay will be decided by an arbitrator.",
    body: `The strike at Marten Bakeries is over. Night-shift workers at the chain's central bakery voted on Wednesday evening to accept a written agreement that pays them for the forty-five minutes before each shift and introduces a night premium from December.

The first bread in six weeks left the Mill Road bakery at five o'clock on Thursday morning. Some of the chain's shop workers, who had not been on strike but had spent the dispute selling biscuits and apologies, stood at their doors to cheer the delivery vans.

## What was agreed

The agreement, which the union shared with us, sets out:

| Issue | Before the strike | Under the agreement |
| --- | --- | --- |
| Pre-shift preparation | Unpaid, described as voluntary | Paid at the normal hourly rate from 1 December |
| Night premium | None in Velmora | 15 per cent, matching the chain's other bakeries |
| Back pay for unpaid time | Refused | To be decided by an independent arbitrator within three months |
| Disciplinary action for strikers | Threatened | None, in writing |

The union had asked for three years of back pay. The company refused, and the compromise was to hand the question to an arbitrator both sides will appoint. Workers will be paid for the days of the strike at half their normal rate.

## How it ended

The turning point, according to people on both sides, came in late October, when two of the city's largest supermarkets quietly removed Marten products from their shelves, citing supply problems. At about the same time, a group of customers began holding a weekly picket outside the chain's flagship shop on Market Street.

The company's managing director, who had refused to meet the union for the first four weeks, attended talks in person on 6 November. The agreement was signed a week later.

## The cost of the strike

The strike fund ran out after three weeks. For the last three, workers were paid from collections at markets, a concert at the Foundry Street social club and donations from the tram drivers' union. Several strikers told us they had borrowed money from family. One, a delivery driver with two children, said he had sold his car.

"We did not win everything," said Ivo Tarnas, who has become the strike's best-known face. "But we have it on paper now. Nobody can tell us it was voluntary again."

## What comes next

The arbitrator is expected to be appointed before Christmas. The union says it will now turn to the chain's shop workers, most of whom are on zero-hours contracts.

Marten Bakeries said it was "glad to be baking again" and thanked customers for their patience.`,
    publishedAt: '2025-11-13T11:30:00Z',
    authors: ['timur-belov'],
    categories: ['labour'],
    tags: ['bakery strike', 'solidarity', 'Velmora'],
  },
  {
    key: 'long-read-the-year-in-court',
    slug: 'the-year-in-court',
    language: 'en',
    title: "Fifty-one hearings: what a year in Velmora's courtrooms taught us",
    standfirst: "We sat through every hearing in the cases of Mira Osipova and Yakov Lenz, and in three others. Taken together, they show how justice worked in the city this year.",
    body: `At the start of this year, we made a decision that seemed modest at the time: one of us would attend every hearing in the cases of Mira Osipova and Yakov Lenz, however short, however routine, however early the bus. Twelve months later, our court desk has sat through fifty-one hearings across five cases. We have spent about a hundred and ten hours in courtrooms and corridors.

Most of those hearings were not news in any ordinary sense; many ended with nothing more than a date. But taken together, they describe how justice worked in Velmora this year more clearly than any single verdict could. This piece is an attempt to set down what we saw, what we think it means, and where we may be wrong.

Mira Osipova has written for The Lantern as a freelancer. We have said so in every report on her case and we say so again here.

## The year in numbers

The table below counts the hearings we attended in the five cases we followed through 2025. A "hearing" here means any sitting of a court at which the case was called, including those adjourned within minutes.

| Case | Court | Hearings attended | Longest hearing | Shortest hearing |
| --- | --- | --- | --- | --- |
| Mira Osipova (Article 212) | District Court and Court of Appeal | 21 | 5 h 40 min | 6 min |
| Yakov Lenz (mass disorder; infrastructure) | District Court and Court of Appeal | 12 | 1 h 50 min | 9 min |
| Kessel Street tenants v. city housing company | Administrative Court | 6 | 2 h 15 min | 12 min |
| Picket organisers, administrative fines | Magistrates' Court | 8 | 45 min | 5 min |
| Bakery workers, injunction application | District Court | 4 | 1 h 10 min | 20 min |

Three things stand out. The first is how much of the year was spent on procedure rather than substance: of the thirty-three hearings in the two criminal cases, twenty-two concerned detention, scheduling or applications to close the court, and only eleven dealt with evidence. The second is lateness: on average, hearings began thirty-four minutes after their listed time. The third is that the courts did not always rule the same way, and the cases in which defendants won are as instructive as the ones in which they lost.

## Detention as the default

Both Osipova and Lenz spent the whole year in pre-trial detention. Neither is accused of violence or has a previous conviction. Both have fixed addresses and families in the city, and both offered bail on unusually strict terms.

At every detention review, the reasons given for keeping them in custody were almost identical from one hearing to the next. In Osipova's case the court repeatedly found that she might "put pressure on witnesses", although the prosecution never identified a witness it thought was at risk. In Lenz's case the court found that he "retains influence over a large organised group", a phrase that, read plainly, describes any elected union official.

Defence lawyers told us this is not unusual: by the District Court's own statistics, prosecution requests to extend detention are granted in well over nine cases out of ten. What the numbers do not show is how it feels from the gallery: a short hearing, a ruling read from paper, a date months ahead.

Pre-trial detention is supposed to be an exception, justified by concrete risk. In the two cases we followed most closely, it was the rule, justified by phrases. By the end of 2025, Osipova had spent more than thirteen months in custody and Lenz more than ten.

## The closing door

The second pattern concerns who is allowed to watch.

Courts in this country are open by default. A judge may close a hearing, wholly or partly, to protect state secrets, the privacy of a victim or witness, or "personal data of third parties". In Osipova's trial, the prosecution invoked the last of these to close the sessions dealing with the family of the official named in her article. The judge agreed.

The effect was peculiar. The central factual question in the case was whether the buyer of the land at Eastbank Quay was related to a deputy head of the city's property department. The only public evidence on that point was a company filing that anyone could read. Yet the court examined the question in private, and the public learned the answer only when the verdict was read.

We do not suggest that the judge acted outside her powers. But it is worth noting that the closed sessions in Osipova's case were the ones in which the prosecution's argument was, in the end, decided; and that no one outside the courtroom can now assess whether the evidence heard there justified a three-year sentence.

In Lenz's case, a prosecution request to close the hearings that will examine his phone records was granted in November. His trial has not yet begun.

There was also a more everyday kind of closing. On at least nine occasions this year, court staff limited the number of people allowed into a public hearing, citing the size of the room; twice, a larger courtroom on the same floor appeared to be empty. None of this is dramatic. All of it makes the courts a little less public than the law says they are.

## The charge that grows

In April, prosecutors added a second charge to the case against Yakov Lenz. The original accusation, of organising mass disorder at a rally in December 2024, had always looked weak: the rally was notified in advance, policed throughout and ended without a single arrest. The new charge, of publicly calling for the obstruction of critical infrastructure, rests on one sentence of a speech in which Lenz warned that the city would find out "what it looks like when the trams stop".

It is not our job to decide whether Lenz is guilty, but it is our job to notice how a case develops. The second charge was added at the first detention review after the tram strike ended, at a point when the original charge was coming under pressure from the defence. It turned a case about a rally into a case about a strike, and it raised a question that goes well beyond one man: whether a call for lawful industrial action can be treated as a call to sabotage.

If the court accepts the prosecution's reading, every union official who warns an employer that its workers may stop will need to choose their words with care. That is a large consequence for one sentence spoken from the back of a truck.

## One word

Osipova's verdict, delivered on 9 September, was in some ways a partial victory for her reporting and a total defeat for her. The court accepted that the land at Eastbank Quay had been sold for far less than its assessed value. That was the heart of her investigation, and the court found it to be true.

She was convicted instead over a single word. She had described the buyer of the land as "a relative" of a deputy head of the property department. The two men are brothers-in-law. The court held that a relative by marriage is not a relative in the sense her readers would have understood, that she could easily have been more precise, and that her imprecision was therefore knowing rather than careless.

We have read the written judgment several times. It does not cite any previous case in which Article 212 was applied to a statement that was, on its plain meaning, accurate. And it does not engage with the explanatory note that accompanied the original law, which said it should not apply to "good-faith reporting, even where it contains errors".[^1]

Osipova's appeal is due to be heard in the spring. Whatever the appeal court decides, the verdict has already had an effect. Two local reporters told us this autumn that, on legal advice, they had removed words such as "associate" and "linked to" from stories about officials, even where those words were accurate. That is what a chilling effect looks like: it shows up in what does not get written.

## Where the courts said no

It would be misleading to describe the year as a simple run of defeats. Several cases went the other way.

In July, the Administrative Court suspended the eviction notices served on the sixty-four households at Kessel Street until it can rule on whether the city's housing company had the right to end their tenancies. The full hearing has been postponed twice and is now expected next year; the tenants remain in their homes.

In the Magistrates' Court, eight organisers of the June pickets for Yakov Lenz were fined for minor breaches of the rules on public assemblies, most of them for standing a few metres outside the area they had notified. Six of the eight fines were overturned on appeal after the organisers produced photographs showing that the boundaries had never been marked. The sums were small; the principle, that people cannot be punished for standing outside a boundary nobody marked, is not.

And in October, the District Court refused an application by Marten Bakeries for an injunction that would have barred striking workers from standing within fifty metres of the chain's shops. The judge found that the company had produced no evidence of intimidation and that peaceful picketing was "an ordinary feature of an industrial dispute". The strike ended with a written agreement a month later.

What these decisions have in common is that the state was not the opposing party, or the sanctions were small. Where the prosecution itself asked for something, it almost always got it. We do not think that is a coincidence, but a year in one city's courts is not enough to prove a rule.

## The people in the gallery

Almost every report we published this year mentioned the public gallery, and we want to explain why.

Osipova's mother attended all twenty-one hearings in her daughter's case. She brought the same drawing each time, a house by a river under a yellow sun, made by her granddaughter. A readers' group, four people in December 2024 and more than forty now, kept a rota so that the gallery was never empty. Tram drivers came to Lenz's hearings in uniform, sometimes straight from a night shift.

Judges notice these things, and so do the people in the glass enclosure. Osipova wrote to us in July that she stood up straighter when she saw faces she recognised. We cannot measure the effect of a full room on a court's decisions, and we would distrust anyone who claimed to. But we are certain that an empty room makes things easier for everyone except the defendant.

## What we got wrong

We made mistakes this year, and a piece about accountability should list them.

In April we reported that the second charge against Lenz carried a maximum sentence of five years; it carries four. We corrected the story the following day. In May we gave the wrong courtroom number for a hearing in Osipova's case, which sent at least three readers to the wrong floor; we apologised in the next report. And in our early coverage of the Kessel Street case we described all sixty-four households as council tenants, when eleven of them hold tenancies with a different landlord. That error, which a reader pointed out, changes part of the legal picture, and we should have checked it more carefully.[^2]

We have also, on reflection, written less than we should about the prosecution's side of the two criminal cases. Prosecutors rarely answer our questions, but that is only part of the reason. In 2026 we will make a more deliberate effort to set out what the prosecution argues, in its own terms, at every stage.

## What to watch in 2026

The coming year will decide much of what this one began. These are the dates and questions we will be following:

- **Yakov Lenz's trial** is scheduled to open on 13 January. The court will have to decide, for the first time that we know of, whether a warning of a lawful strike can be a criminal call to obstruct infrastructure.
- **Mira Osipova's appeal** is expected to be heard in the spring at the Regional Court of Appeal. The question is whether the word "relative" can carry a three-year sentence.
- **The Kessel Street tenants** are waiting for the Administrative Court's full ruling, which will also examine whether the planning permission for the second phase of Eastbank Quay was lawful.
- **The bakery arbitration** on back pay is not a court case, but its outcome will shape what other workers in the city believe they can claim.

We will be in the room for all of it, as long as readers keep making that possible. Thank you to everyone who did so this year, with money, with time in the public gallery, or by telling us when we got something wrong.

[^1]: The explanatory note is a public document and was published together with the bill in 2009. We described its history in our [explainer on Article 212](/2025/02/explainer-article-212/) in February.
[^2]: The correction was added to the original report on Kessel Street. The eleven households rent from a housing cooperative whose agreement with the city is the subject of a separate dispute.`,
    publishedAt: '2025-12-19T07:00:00Z',
    authors: ['anna-keller', 'timur-belov'],
    categories: ['analysis', 'courts'],
    tags: ['hearings', 'Mira Osipova', 'Yakov Lenz', 'press freedom'],
  },
  {
    key: 'en-nurses-ballot-for-first-strike',
    slug: 'nurses-ballot-for-first-strike',
    language: 'en',
    title: "Nurses at Riverside General vote for the first strike in the hospital's history",
    standfirst: "More than four in five nurses who voted backed strike action over staffing levels and unpaid handover time. The union says patients will not be put at risk.",
    body: `Nurses at Riverside General Hospital have voted to strike for the first time since the hospital opened in 1962, after a ballot in which 83 per cent of those voting backed action, on a turnout of 64 per cent.

The Health Workers' Union, which represents about 900 nurses at the hospital, said on Tuesday that it would announce dates within a fortnight unless the hospital's management agreed to negotiate on staffing.

## Not only about pay

Unlike the tram and bakery disputes of last year, this one is not mainly about money. The union's central demand is a minimum staffing level on general wards: no more than eight patients per nurse on day shifts and ten at night. Nurses told us that on some night shifts this winter, a single nurse had been responsible for fourteen or fifteen patients.

"You stop being a nurse and start being a triage system," said Lidia Koren, who has worked on the hospital's respiratory ward for nineteen years. "You decide who you can get to and who will have to wait. Then you go home and lie awake thinking about the ones who waited."

The second demand concerns handover, the period at the start and end of each shift when outgoing nurses brief their colleagues on every patient. Handovers on busy wards often run to thirty or forty minutes. Only the first fifteen are paid.

## The hospital's position

The hospital's director said in a written statement that staffing levels were "kept under constant review", that recruitment had been hampered by "a national shortage of qualified nurses", and that the hospital's budget was set by the regional health authority. She called on the union to "return to dialogue rather than risk disruption to patients".

The union says it has sought talks since September and received one meeting, in November, which lasted forty minutes.

## What a strike would look like

Strikes in the health sector are lawful but tightly regulated. Emergency care, intensive care, maternity and dialysis must be fully staffed, and the union must agree a list of "minimum services" with management in advance. The union says it has already drafted such a list, and that nurses on those wards will work as normal.

Several nurses told us they had thought hard before voting yes. One said she had watched the tram drivers' picket from a bus window every morning last February. "I thought, they are not doing this for fun either," she said. "And the trams came back."

Residents of the Kessel Street blocks, a fifteen-minute walk from the hospital, have already offered the union a room in their community space for strike meetings. The offer was made, the tenants' association said, "because half of our night-shift nurses live here".`,
    publishedAt: '2026-01-20T12:10:00Z',
    authors: ['timur-belov'],
    categories: ['labour'],
    tags: ['nurses', 'Velmora', 'solidarity'],
  },
  {
    key: 'en-lenz-trial-witness-did-not-hear-speech',
    slug: 'lenz-trial-witness-did-not-hear-speech',
    language: 'en',
    title: "Prosecution witness in Lenz trial says he did not hear the speech",
    standfirst: "The police officer whose report started the case against the tram union organiser told the court that the key sentence came from a transcript he had not checked.",
    body: `The police officer whose report formed the basis of the second charge against Yakov Lenz told the Velmora District Court on Tuesday that he had not personally heard the sentence he quoted in it.

Lenz, the deputy chair of the Velmora Tram and Transit Workers' Union, has been on trial since 13 January on charges of organising mass disorder and of publicly calling for the obstruction of critical infrastructure. He has been in custody since 31 January last year and denies both charges.

## "I was at the other end of the square"

The witness, a police inspector who commanded officers at the union's rally outside the transport company's headquarters on 14 December 2024, was questioned for more than two hours.

Under questioning by the prosecutor, he confirmed his written report, which quoted Lenz as saying that "the city will find out what it looks like when the trams stop". Under cross-examination by Lenz's lawyer, Sofia Antal, he agreed that he had been standing at the far end of the square, about a hundred metres from the truck from which Lenz spoke.

Asked how he had recorded the sentence, he said it had been taken from a transcript of a video, prepared later by another department. Asked whether he had compared the transcript with the recording, he said he had not. "It was not my task," he said.

Antal then asked him whether, at any point during the rally, he had considered the speech to be a call to commit a crime. After a pause, the inspector said: "At the time, no. It was a union rally. They said the usual things."

## The rest of the day

The court also heard from a transport company manager, who said that the rally had caused "significant concern" among senior staff but agreed that no trams had been delayed on the day and that the strike, when it came two months later, had been announced in accordance with the law.

The prosecution then asked the court to play the video of the speech in full. The defence did not object. For eleven minutes, the courtroom listened to Lenz's voice, hoarse and raised over the wind, talking about rosters, children, canteens and tired drivers. When the sentence at the centre of the case came, several people in the public gallery, many of them drivers who had been at the rally, mouthed it along with him.

Lenz watched the screen from the glass enclosure without expression. When it ended, he sat down.

## What comes next

The prosecution has three more witnesses to call, including the linguistic expert who prepared the transcript. The defence will then call its own witnesses, among them the union's chair, Marta Holub.

The court rejected a further bail application at the end of the day.`,
    publishedAt: '2026-02-17T17:25:00Z',
    authors: ['anna-keller'],
    categories: ['courts', 'prisoners'],
    tags: ['Yakov Lenz', 'hearings', 'tram strike'],
  },
  {
    key: 'en-nurses-strike-with-a-list',
    slug: 'nurses-strike-with-a-list',
    language: 'en',
    title: "Nurses strike with a list of everything they will still do",
    standfirst: "On the first day of a 48-hour strike at Riverside General, nurses picketed the main entrance while colleagues kept emergency, maternity and intensive care running.",
    body: `The first thing visitors to Riverside General Hospital saw on Tuesday morning was not a picket line but a noticeboard. Propped on an easel by the main entrance, it listed, in large green letters, every service that striking nurses had agreed to keep running.

Behind it, about two hundred nurses in winter coats over their uniforms stood along the pavement of Hospital Road. It was seven o'clock, the start of a 48-hour strike, the first in the hospital's history.

## The list

The minimum services agreement, negotiated by the Health Workers' Union and the hospital's management last week, guarantees normal staffing in:

- the emergency department and the ambulance bay;
- intensive care and high-dependency units;
- the maternity ward and the neonatal unit;
- dialysis and cancer treatment;
- any ward where a patient's doctor certifies that their care cannot be safely delayed.

Planned operations and outpatient appointments have been postponed. Patients were contacted in advance, and the hospital said that all postponed appointments would be rebooked within a month.

## On the pavement

Many of the nurses on the picket had come straight from a night shift on the wards that remained open. Others had brought their children, who sat on the kerb with colouring books and a thermos of cocoa. A retired matron, who said she had worked at Riverside General for thirty-four years, brought a flask of soup and sat on a folding chair beside the noticeboard, explaining it to anyone who stopped.

"People think a nurses' strike means nobody is looking after the patients," she said. "Look at the list. The people who need us today have us. We are striking for the people who will need us next winter."

Lidia Koren, the respiratory nurse who has become one of the strike's spokespeople, said the atmosphere was "calm, sad and very determined". She said nurses had been unusually quiet when the strike began at seven. "Nobody cheered. We just stood there. It is a strange thing, to stand outside the place where you are supposed to be."

## Solidarity

By mid-morning, drivers from the tram union had arrived with a banner, and bakers from Mill Road had brought bread. A tram passing the hospital on the Riverside line sounded its bell twice; the driver waved. Several patients in dressing gowns came to the hospital entrance to wave too. One of them, a man of about seventy attached to a drip stand, told us he was "with the girls" and then asked us to make clear that some of the nurses were men.

## What happens next

Talks between the union and the hospital are due to resume on Friday, under the same mediator who helped end last year's tram strike. The union has said it will announce further dates if the talks produce no offer on minimum staffing levels.

The hospital's management said the first day of the strike had passed "without any incident affecting patient safety", and thanked staff on all sides.`,
    publishedAt: '2026-03-10T08:05:00Z',
    authors: ['timur-belov'],
    categories: ['labour', 'pickets'],
    tags: ['nurses', 'pickets', 'solidarity'],
  },
  {
    key: 'en-osipova-appeal-heard-in-forty-minutes',
    slug: 'osipova-appeal-heard-in-forty-minutes',
    language: 'en',
    title: "Appeal court hears Osipova case in forty minutes",
    standfirst: "Three judges of the Regional Court of Appeal heard arguments over the word 'relative' and reserved their decision until next month.",
    body: `After more than twenty hearings at the District Court, Mira Osipova's appeal against her conviction took forty minutes. Three judges of the Regional Court of Appeal heard arguments from both sides on Wednesday morning and reserved their decision.

Osipova, who has written for The Lantern as a freelancer, was convicted in September of spreading knowingly false information about a public official and sentenced to three years in prison. She has been in custody since 6 November 2024.

## The defence

Osipova's lawyer, Daniel Rask, had ten minutes to make his argument. He used them to make one point several times: that the District Court had convicted his client for an accurate statement.

The buyer of the land at Eastbank Quay is the brother-in-law of a deputy head of the city's property department. Osipova described him as "a relative". Rask read out the definition of "relative" from two dictionaries and from the Family Code, which lists in-laws among a person's relatives for the purposes of inheritance disputes.

> "The lower court accepted that my client's central finding, about the price of the land, was true. It convicted her because it would have preferred a different word. Article 212 punishes lies. It does not punish vocabulary."

He also argued that the sessions closed to the public had denied Osipova a fair trial, and that the sentence was disproportionate for a first offence by a person of good character.

## The prosecution

The prosecutor, who spoke for about eight minutes, said that the District Court had been right to consider "the impression created" by the whole article, not only the dictionary meaning of one word. Read as a whole, she said, the article implied that the official had personally arranged the sale for the benefit of his family, and Osipova had produced no evidence of that.

Rask replied that the article did not say so, and that the prosecution had never identified that implication as false during the trial.

## The room

The courtroom on the second floor of the appeal court building holds forty people. Every seat was taken, and another thirty waited in the corridor. Osipova appeared by video link from a prison in the north of the region, where she was transferred in January. It was the first time many in the room had seen her since the verdict. She had cut her hair short.

When the presiding judge asked whether she wished to add anything, she said: "Only that I would like to go home, and that I would like the next reporter who writes about that land not to be afraid." The judge thanked her and closed the hearing.

Osipova's mother, who has attended every hearing in the case, waited in the corridor afterwards until the video screen in the courtroom was switched off.`,
    postscript: `P.S. The court will announce its decision on 12 May at 10:00. We will be there, and we will publish the result on the same day.`,
    publishedAt: '2026-04-15T15:30:00Z',
    authors: ['anna-keller'],
    categories: ['courts', 'prisoners'],
    tags: ['Mira Osipova', 'hearings', 'press freedom'],
  },
  {
    key: 'en-how-we-report-a-hearing',
    slug: 'how-we-report-a-hearing',
    language: 'en',
    title: "How we report a hearing we are not allowed to record",
    standfirst: "Readers often ask how we produce quotes from courtrooms where recording is banned. The answer involves shorthand, a second pair of ears and a rule about what we leave out.",
    body: `On 12 May, the Regional Court of Appeal announced its decision in Mira Osipova's case. The hearing lasted nine minutes. Within an hour we had published a report with four direct quotations from the presiding judge. Several readers asked us the same question afterwards: how do we know that is what she said, when nobody is allowed to record?

It is a good question, and we want to answer it properly.

## The rules

Courts in this country do not allow audio or video recording by the press or public without a judge's permission, which is almost never given in criminal cases. Photographs are allowed only before the judge enters. Phones must be switched off. Reporters may take notes by hand or, in most courtrooms, on a laptop without an internet connection.

## How we take notes

Our court reporter writes shorthand, a skill that has fallen out of fashion in many newsrooms but that has never been more useful to us. In a typical hearing, she can take down everything the judge says word for word and most of what the lawyers say.

Where possible, a second person sits in the gallery and takes independent notes. Usually this is a volunteer from the readers' group that attends the hearings in the cases we follow. After the hearing, the two sets of notes are compared line by line.

## Our rules for quotation

We follow a few rules, which we set out here so that readers can hold us to them:

1. We put words in quotation marks only if they appear in the reporter's shorthand note as spoken.
2. If the second set of notes differs in a way that changes the meaning, we either leave the quotation out or paraphrase, and we say that accounts differ.
3. Where a judge reads from a written ruling, we ask the court for a copy and check our quotation against it before or shortly after publication.
4. We never tidy up a quotation to make it more dramatic. We may cut words, but only where the cut does not change the sense, and we mark the cut.
5. We do not quote anything said in a closed session, even when people who were present offer to tell us.

## What we leave out

The harder decisions are about what not to publish. We do not name witnesses who are not public officials unless they have already been named in open court and there is a reason to name them. We do not describe the physical appearance of defendants in ways that would embarrass them, except where it is relevant: if a prisoner has visibly lost a great deal of weight, that is news.

And we try hard not to make a short hearing sound like a dramatic one. Most hearings are dull. When one is not, we want readers to be able to tell.

## Why this matters

Our court reports are sometimes the only public record of what happened in a courtroom. Lawyers have cited them in appeals; families have kept them. That is a responsibility, and it is one of the reasons legal review of our court reports is among the costs that reader support pays for.

If you ever think we have misquoted someone, write to editors@lantern.example. We will check our notes and tell you what we find.`,
    publishedAt: '2026-05-26T09:30:00Z',
    authors: ['anna-keller'],
    categories: ['newsroom'],
    tags: ['hearings', 'reader support'],
    commentStatus: 'closed',
  },
  {
    key: 'en-court-halts-kessel-street-evictions',
    slug: 'court-halts-kessel-street-evictions',
    language: 'en',
    title: "Court halts Kessel Street evictions and orders review of quay permit",
    standfirst: "The Administrative Court ruled that the eviction notices served on sixty-four households were premature, and sent the planning permission for the quay's second phase back for review.",
    body: `The residents of the three brick blocks at the end of Kessel Street will not have to leave their homes this year, after the Administrative Court ruled on Tuesday that the eviction notices they received in April 2025 were issued prematurely and are without effect.

In a second ruling that may matter even more, the court sent the planning permission for the second phase of the Eastbank Quay redevelopment back to the city for review, finding that a required study of the river embankment had never been carried out.

## Fourteen months

The ruling comes fourteen months after the tenants' association was formed in a stairwell, and nearly a year after the same court suspended the notices on an interim basis. The full hearing was postponed twice, once because the city's housing company changed its lawyers and once because a judge fell ill.

In her written judgment, the presiding judge found that the housing company had served notice to end the tenancies before the transfer of the buildings to the Quayline Development Group was complete, and therefore before it had any lawful reason to do so. She also found that the eleven households who rent from a housing cooperative had been sent notices by a body that was not their landlord at all.

## The permit

The planning permission for the second phase, granted by the city in 2024, was conditional on a study of the stability of the river embankment along Kessel Street. The court found that no study had been commissioned, let alone completed, and that the city could not lawfully treat the condition as satisfied.

The permission is not cancelled, but the city must now reconsider it. The judge noted that any new study should take account of "the recent evidence concerning the condition of the river", a reference to the monitoring of the Vela commissioned by the council last year.

## Reaction

When the judgment was read, there was a silence in the courtroom and then a loud, uneven round of applause from the thirty or so tenants who had come. The judge allowed it to finish before rising.

Outside, Vera Linde, the association's chair, was surrounded by neighbours. "Fourteen months of meetings, letters and minibuses," she said. "I am very tired and I am going home. To my home. On Kessel Street."

The city's housing company said it would "study the judgment carefully" and did not rule out an appeal. Quayline said the second phase of the project "remains a priority" and that it would work with the city on a revised timetable.

## What happens now

Either side may appeal within thirty days. The tenants' lawyer said she expected the city to reconsider the permit first, which could take months.

The tenants' association is meeting on Thursday evening. The agenda, taped next to the letterboxes in the middle block, has one item: "What next."`,
    publishedAt: '2026-06-23T13:00:00Z',
    authors: ['timur-belov', 'anna-keller'],
    categories: ['courts', 'campaigns'],
    tags: ['housing', 'hearings', 'city council', 'environment'],
  },
  {
    key: 'en-lenz-convicted-on-one-charge',
    slug: 'lenz-convicted-on-one-charge',
    language: 'en',
    title: "Yakov Lenz acquitted of mass disorder but convicted over his speech",
    standfirst: "The court found that the tram union's rally was peaceful, but ruled that one sentence of Lenz's speech amounted to a call to obstruct critical infrastructure.",
    body: `The Velmora District Court on Thursday acquitted Yakov Lenz of organising mass disorder, but convicted him of publicly calling for the obstruction of critical infrastructure and sentenced him to two years in prison.

Lenz, the deputy chair of the Velmora Tram and Transit Workers' Union, has been in custody since 31 January 2025. With time served counted towards the sentence, he would be released at the end of January next year.

## Two findings

The judgment, read over about ninety minutes, reached opposite conclusions on the two charges.

On the first, the court found that the union's rally on 14 December 2024 was lawfully notified, peaceful and properly policed, and that there was "no evidence whatsoever" of disorder, mass or otherwise. It acquitted Lenz in terms that his lawyer described afterwards as "as clear as we could have hoped".

On the second, the court held that the sentence at the centre of the case, in which Lenz warned that the city would find out "what it looks like when the trams stop", went beyond a description of a lawful strike. The judge said that the words had been spoken "in an atmosphere of hostility" towards the transport company and "before any ballot had taken place", and that they could therefore be understood as encouraging unlawful stoppages.

The court did not explain how the drivers who heard the speech had understood it, and it gave little weight to the fact that no unlawful stoppage took place. The strike that followed was balloted, notified and lawful.

## The sentence

The prosecution had asked for three years and six months. The judge cited Lenz's clean record, his long service as an elected official and "the absence of consequences" as reasons for a lower sentence.

Lenz, standing in the glass enclosure, listened to the sentence with his hands behind his back. When the judge asked whether he understood, he said: "I understand that I can say the trams will stop, as long as I do not say it before the ballot. I will remember that."

## Reaction

Outside the court, several hundred people, many of them tram drivers in uniform, had waited through the hearing. When the news reached them, there was a moment of confusion, then applause for the acquittal, then silence.

The union's chair, Marta Holub, said the verdict "tells every worker in this country to be careful what they say at a rally". Elena Lenz, his wife, said she was relieved that the court had thrown out "the lie about disorder" and angry about the rest. "He will be home in January," she said. "That is six months more than anyone should have taken from us."

Lenz's lawyer, Sofia Antal, said she would appeal the conviction on the second charge. The prosecution said it would consider appealing the acquittal.

## Behind the numbers

| Charge | Maximum sentence | Prosecution asked for | Outcome |
| --- | --- | --- | --- |
| Organising mass disorder | 8 years | Included in total of 3 years 6 months | Acquitted |
| Calls to obstruct critical infrastructure | 4 years | Included in total of 3 years 6 months | Convicted; 2 years |`,
    postscript: `P.S. The support committee says the monthly pickets for Lenz will continue on the second Saturday of each month until he is released. The next ones are on 8 August in all twelve towns.`,
    publishedAt: '2026-07-30T14:45:00Z',
    authors: ['anna-keller'],
    categories: ['courts', 'prisoners'],
    tags: ['Yakov Lenz', 'hearings', 'tram strike', 'pickets'],
  },
  {
    key: 'en-four-thousand-postcards',
    slug: 'four-thousand-postcards',
    language: 'en',
    title: "Four thousand postcards: how readers kept writing to Osipova and Lenz",
    standfirst: "A letter-writing table that started at one of our open evenings has sent more than four thousand cards to two prisoners. Most of them arrived.",
    body: `It started with a shoebox. At one of The Lantern's open evenings in March last year, a reader named Agata Wren put a box of blank postcards and a jar of pens on the table by the door, next to a hand-written sign: "Write to Mira. Write to Yakov. We will post them."

Eighteen months later, the shoebox has become a small campaign. By the count kept by its volunteers, readers have now written more than four thousand cards to Mira Osipova and Yakov Lenz. Both prisoners' lawyers confirm that most of them have arrived.

## How it works

The rules are simple, and they have been shaped by trial and error:

- cards only, not letters, because cards are read faster by the prison censor and are less likely to be held back;
- no political slogans, no mention of the evidence in either case, and nothing that could be read as a message to a witness;
- the sender's first name and town, so that the prisoner knows who is writing;
- a number in the corner, so that volunteers can check with the lawyers which cards have been received.

Volunteers collect the cards at open evenings, at the monthly pickets and by post, and send them in batches of fifty. Each batch is logged in a notebook.

## What arrives, and what does not

According to the notebook, about nine in ten of the cards sent to Lenz have been delivered. For Osipova, the figure was similar while she was held in Velmora, but fell to about six in ten after her transfer to a prison in the north of the region in January. Her lawyer has asked the prison administration for an explanation and has not received one.

Cards have come from more than thirty towns, including all twelve where pickets for Lenz are held each month. Some have come from abroad. One batch came from a primary school class in Dunmere, where a teacher asked her pupils to draw "something from outside" for people who cannot go out. The drawings were mostly of dogs, trees and trams.

## What the prisoners say

Lenz has written back several times through his lawyer. In his most recent note, written after his conviction in July, he said that he keeps the cards in a cardboard box under his bed and reads a few every evening. "I have never been written to so much in my life," he said. "My wife says I should not get used to it."

Osipova, in a message passed on by her mother, said the cards had been "the most reliable thing in a very unreliable year". She asked people to keep writing "to everyone in here, not only to me", and named two women she shares a cell with who receive no post at all.

## Getting involved

The letter-writing table is at every open evening, on the first Thursday of each month at 14 Tannery Lane. If you cannot come, write to editors@lantern.example and a volunteer will tell you how to send a card by post. The campaign's volunteers have also started writing to the two women Osipova named, with their permission.

The shoebox, for the record, is still in use. It has been repaired with tape four times.`,
    publishedAt: '2026-09-05T10:00:00Z',
    authors: ['timur-belov'],
    categories: ['campaigns', 'prisoners'],
    tags: ['solidarity', 'Mira Osipova', 'Yakov Lenz'],
  },
  {
    key: 'en-mira-osipova-walks-free',
    slug: 'mira-osipova-walks-free',
    language: 'en',
    title: "Mira Osipova walks free after two years in custody",
    standfirst: "The reporter left prison on Friday morning, exactly two years after her arrest, having served the sentence that the appeal court reduced in May.",
    body: `Mira Osipova walked out of the gate of the women's prison at Ulmeny at eight o'clock on Friday morning, exactly two years after police came to her flat in Velmora's Old Wharf district. She was carrying a cardboard box of letters and a plastic bag of clothes, and she was met by her mother, her niece, her lawyer and about forty people who had travelled from Velmora on a hired coach.

Osipova has written for The Lantern as a freelancer. We have said so in every report on her case, including this one, which we hope is the last.

## How it ended

Osipova was convicted in September last year under Article 212 of the Criminal Code for describing the buyer of municipal land at Eastbank Quay as "a relative" of a city official, when he was in fact the official's brother-in-law. The District Court sentenced her to three years.

On 12 May, the Regional Court of Appeal upheld the conviction but reduced the sentence to two years, finding that the lower court had given too little weight to her clean record and to the fact that the central finding of her investigation, about the price of the land, was accurate. With her time in pre-trial detention counted, that meant release today.

Her conviction stands. Her lawyer, Daniel Rask, has lodged a further appeal to the Supreme Court on a point of law: whether Article 212 can be applied to a statement that is accurate on its ordinary meaning. That appeal could take more than a year.

## At the gate

When the gate opened, Osipova stopped and looked at the crowd for a long moment. Then her niece, who is now seven, ran forward and the two of them held each other for so long that her mother had to come and join in.

Osipova spoke briefly. She thanked the people who had come to her hearings, the people who had written to her, and "the women inside, who I am leaving behind this morning and who have nobody to write about them". She said she needed to rest and would not be giving interviews for a few weeks.

Asked by one of the coach passengers whether she would go back to reporting, she smiled and said: "I never stopped. I just could not publish."

## What this case has cost

Osipova spent 730 days in custody: 430 in the pre-trial detention centre in Velmora and the rest in prison. Over those two years, she attended, in person or by video link, 24 hearings. We were present at every one.

The land at Eastbank Quay remains in the hands of the company that bought it. The official named in her article is still in his post. The city's property department has never published any correction to the valuation figures on which her story was based.

## What comes next

Osipova will live with her mother for now. Rask said the Supreme Court appeal would go ahead, "because a conviction for telling the truth should not be left on the record, for her sake and for the sake of the next reporter".

Yakov Lenz, the tram union organiser who was jailed a few months after Osipova, remains in prison. He is due to be released at the end of January.`,
    publishedAt: '2026-11-06T10:20:00Z',
    authors: ['anna-keller'],
    categories: ['prisoners', 'courts'],
    tags: ['Mira Osipova', 'press freedom', 'Velmora'],
  },
  {
    key: 'en-what-two-years-of-your-support-paid-for',
    slug: 'what-two-years-of-your-support-paid-for',
    language: 'en',
    title: "What two years of your support paid for",
    standfirst: "Mira Osipova is free, the Kessel Street tenants are still at home and Yakov Lenz is nearly out. Here is an account of what reader money made possible, and what it did not.",
    body: `Two years ago we wrote that we would be in court for every hearing in Mira Osipova's case. Earlier this month, we were at the prison gate when she walked out. We want to use this note to tell you what your support made possible in between, to be honest about what it did not, and to say what we plan to do next.

## What you paid for

Between December 2024 and November 2026, The Lantern:

- attended 24 hearings in Mira Osipova's case and 31 in Yakov Lenz's, plus every hearing in the Kessel Street tenants' case;
- reported from three strikes, on the trams, at Marten Bakeries and at Riverside General Hospital, from the first ballot to the last picket;
- analysed a year of volunteer sampling of the river Vela, which led the city council to commission independent monitoring;
- published our main stories in both English and Russian;
- corrected our mistakes in public, seven times.

None of that was funded by advertising, by the city, or by anyone we reported on.

## Where the money came from and where it went

When we wrote our autumn appeal in August 2025, 1,840 readers supported us every month. Today the number is 2,630. The table below shows, in round figures, how we spent each hundred units of income over the two years.

| Spent on | Share of income |
| --- | --- |
| Reporters' and editors' pay | 64 |
| Freelancers and translation | 11 |
| Legal review of court reports | 8 |
| Travel to hearings and pickets | 6 |
| Rent, hosting and equipment | 9 |
| Reserve fund | 2 |

The full figures are in our annual report, which we will publish in January, as we do every year.

## What your money did not do

Your money did not free anyone. Courts decided when Osipova would leave prison and when Lenz will. We reported what happened; we did not make it happen. We think it matters that hearings were watched and written down, and several people involved in these cases have told us so. But we do not want to claim more than we did.

It also did not stretch to everything. We did not cover the bakery arbitration as closely as we wanted, and we have barely begun to report on the shop workers at Marten, most of whom are still on zero-hours contracts. We have not yet followed up the prosecution's side of either criminal case as thoroughly as we promised in our review of the year.

## What comes next

Yakov Lenz is due for release at the end of January, and his appeal is pending. Osipova's case is going to the Supreme Court. The Kessel Street permit is being reconsidered. The nurses' dispute has been settled, but the staffing levels it won must now be checked, ward by ward. And the river is still the colour it is.

We will keep going, as long as you keep making it possible. If you already give, thank you. If you can give a little more, or persuade one friend to start, our [support page](/support-us/) explains how.

Anna Keller and Timur Belov`,
    publishedAt: '2026-11-18T08:00:00Z',
    authors: ['anna-keller', 'timur-belov'],
    categories: ['newsroom'],
    tags: ['reader support', 'Mira Osipova', 'Yakov Lenz', 'housing'],
    commentStatus: 'closed',
  },
];
