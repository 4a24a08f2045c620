/**
 * The demo newsroom: "The Lantern", a fictional independent, reader-funded newsroom in the
 * fictional river city of Velmora. Every person, place, organisation and event here is invented,
 * and every sentence was written for Broadside.
 */
import type { DemoAuthor, DemoCategory, DemoPage, DemoSite } from './types.js';

export const demoSite: DemoSite = {
  title: 'The Lantern',
  tagline: 'Independent, reader-funded journalism from Velmora, on the courts, the picket lines and the river.',
  timeZone: 'Europe/Brussels',
  defaultLanguage: 'en',
};

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'anna-keller',
    name: 'Anna Keller',
    bio: 'Anna Keller covers the courts and political prisoners for The Lantern and has sat through more hearings at the Velmora District Court than she can count. Before joining the newsroom she spent eight years as a court reporter for regional papers.',
  },
  {
    slug: 'timur-belov',
    name: 'Timur Belov',
    bio: 'Timur Belov reports on labour, strikes and protests, from tram depots to hospital wards. He writes in English and Russian and edits the Russian-language edition of The Lantern.',
  },
];

export const demoCategories: DemoCategory[] = [
  {
    slug: 'reporting',
    name: 'Reporting',
    description: 'Original news reporting from Velmora and the towns around it.',
  },
  {
    slug: 'courts',
    name: 'Courts and hearings',
    description: 'Reports from the courtroom, hearing by hearing, including the ones that last ten minutes.',
    parent: 'reporting',
  },
  {
    slug: 'labour',
    name: 'Labour and strikes',
    description: 'Strikes, ballots, pay disputes and the people who keep the city running.',
    parent: 'reporting',
  },
  {
    slug: 'prisoners',
    name: 'Political prisoners',
    description: 'The cases of people jailed for their journalism, their organising or their speech, followed until they are free.',
    parent: 'reporting',
  },
  {
    slug: 'analysis',
    name: 'Analysis',
    description: 'Explainers and longer pieces that step back from the day-to-day news to ask what it adds up to.',
  },
  {
    slug: 'campaigns',
    name: 'Campaigns',
    description: 'Coverage of the campaigns readers and communities organise around the stories we report.',
  },
  {
    slug: 'pickets',
    name: 'Pickets and protests',
    description: 'Pickets, rallies and vigils, counted and described by reporters who were there.',
    parent: 'campaigns',
  },
  {
    slug: 'newsroom',
    name: 'From the newsroom',
    description: 'Notes from the editors on how we work, what we spend your money on and where we fall short.',
  },
];

export const demoPages: DemoPage[] = [
  {
    slug: 'about',
    title: 'About The Lantern',
    language: 'en',
    body: `The Lantern is a small independent newsroom in Velmora. We report on the things that tend to happen quietly: hearings that are moved at short notice, strikes that the city's larger outlets mention in a single paragraph, evictions that are announced by a letter pushed under a door. We started with two reporters and a borrowed office above a print shop on Tannery Lane, and we are still not much bigger than that.

## Who we are

Our reporters are Anna Keller, who covers the courts and political prisoners, and Timur Belov, who covers labour and protests and edits our Russian-language edition. A handful of freelancers, photographers and volunteer fact-checkers work with us on individual stories. Everyone who writes for us is named on the story they wrote.

## Our independence

We are not owned by a party, a company, a union or a campaign group. We do not take money from the city council, from the businesses we report on, or from anyone who asks to see a story before it is published. When we write about a campaign we support or a person we know, we say so in the story itself rather than in a footnote nobody reads.

## How we are funded

Almost all of our income comes from readers: monthly supporters, one-off gifts and the occasional collection tin passed around at a public meeting. A small share comes from grants made by foundations that fund independent journalism; we list every grant above a modest threshold in our annual report, together with what it paid for. We do not run advertising, and we do not put our reporting behind a paywall. If you would like to help, our [support page](/support-us/) explains how.

## Corrections

We get things wrong sometimes, and when we do we fix them in the open. Corrections are added to the end of the story, with the date and a plain description of what changed and why. We do not quietly rewrite published articles. If you think we have made a mistake, tell us: we read every message and reply to the ones that need a reply.

## Contact

Write to the editors at editors@lantern.example. If you have information about a case, a workplace or a building you think we should look at, you can reach the reporters through the same address; tell us in your first message if you need us to protect your identity, and we will talk about how to do that before you send anything sensitive.

Our postal address is The Lantern, 14 Tannery Lane, second floor, Velmora.`,
  },
  {
    slug: 'support-us',
    title: 'Support our work',
    language: 'en',
    body: `The Lantern is paid for by the people who read it. There is no owner to cover a bad month and no advertiser to keep happy, which is exactly why we can report the way we do. It also means that every hearing we attend, every train ticket to a picket in another town and every hour spent checking a document is paid for by readers like you.

## Why reader money matters

Court reporting is slow and unglamorous. A single case can run to thirty hearings over two years, and most of them end with a date for the next one. Nobody else sends a reporter to all of them, so nobody else notices when a witness changes their story, when a defendant looks thinner than last month, or when the public gallery is closed without explanation. Regular, predictable income is what lets us keep turning up.

It also keeps us honest. Because we answer to readers rather than to a publisher, the only pressure we feel is the pressure to be accurate and to be useful.

## Ways to give

- **Become a monthly supporter.** A small regular amount helps us more than a larger one-off gift, because it lets us plan. You can choose any amount and stop at any time.
- **Make a one-off gift.** Useful when a big trial or a long strike is coming and we need to put more hours into a single story.
- **Give by bank transfer.** Write to editors@lantern.example and we will send you our account details and a reference to use, so we can thank you properly.
- **Drop something in the tin.** We bring a collection tin to public meetings and to our open evenings on the first Thursday of each month at 14 Tannery Lane.
- **Give your time.** We need people who can transcribe recordings, check figures, translate between English and Russian, or simply sit in a hearing and take careful notes.

## What happens to your money

Around two thirds of what we raise pays our reporters and editors. The rest goes on travel, legal review, hosting and the rent for our office. Every year we publish a short report that sets out what came in and what went out, and we explain it in a note from the newsroom. You can read more about who we are on our [about page](/about/).

Thank you. Every story on this site exists because somebody decided it was worth paying for.`,
  },
];
