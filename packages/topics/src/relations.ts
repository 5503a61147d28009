/**
 * How pairs of topics move together across places, as common knowledge has it: a scatter plot
 * draws one against the other only with the sign given here, so it never shows shots on target
 * falling as goals rise. `x` is drawn across, `y` up; both topics must share a nominal category
 * set (the places each point is) and offer the `spread` shape.
 */
export interface TopicRelation {
  readonly x: string;
  readonly y: string;
  /** 1 where `y` rises with `x`, -1 where it falls. */
  readonly sign: 1 | -1;
}

const rises = (x: string, y: string): TopicRelation => ({ x, y, sign: 1 });
const falls = (x: string, y: string): TopicRelation => ({ x, y, sign: -1 });

/** The relations of the embedded library's topics. */
export const topicRelations: readonly TopicRelation[] = [
  // economy
  rises('gdp-per-capita', 'average-monthly-wage'),
  rises('gdp-per-capita', 'online-retail-share'),
  rises('inflation-rate', 'central-bank-rate'),
  falls('gdp-growth', 'unemployment-rate'),
  rises('gdp-growth', 'consumer-confidence'),
  falls('unemployment-rate', 'consumer-confidence'),
  rises('exports-value', 'trade-balance'),
  rises('product-units-sold', 'product-revenue'),
  // energy
  falls('renewable-share', 'electricity-carbon-intensity'),
  rises('coal-consumption', 'electricity-carbon-intensity'),
  falls('nuclear-share', 'electricity-carbon-intensity'),
  rises('solar-capacity', 'renewable-share'),
  rises('wind-capacity', 'renewable-share'),
  rises('household-electricity-price', 'household-energy-bill'),
  falls('household-electricity-price', 'household-electricity-use'),
  // health
  rises('health-spending-per-person', 'life-expectancy'),
  falls('infant-mortality', 'life-expectancy'),
  falls('maternal-mortality', 'life-expectancy'),
  rises('doctors-per-1000', 'life-expectancy'),
  falls('doctors-per-1000', 'infant-mortality'),
  falls('measles-vaccination', 'infant-mortality'),
  falls('adult-smoking', 'life-expectancy'),
  rises('adult-obesity', 'diabetes-prevalence'),
  falls('physical-activity', 'adult-obesity'),
  rises('health-spending-per-person', 'dentist-visits'),
  // education
  falls('pupil-teacher-ratio', 'average-test-score'),
  falls('average-class-size', 'average-test-score'),
  rises('education-spending', 'average-test-score'),
  rises('secondary-enrolment', 'tertiary-enrolment'),
  falls('school-dropout', 'graduation-rate'),
  rises('adult-literacy', 'digital-skills'),
  rises('tertiary-enrolment', 'new-doctorates'),
  rises('average-test-score', 'exam-pass-rate'),
  // sport
  rises('shots-on-target', 'goals-scored'),
  rises('goals-scored', 'league-points'),
  rises('team-wins', 'league-points'),
  rises('club-revenue', 'league-points'),
  rises('match-attendance', 'club-revenue'),
  rises('weekly-sport-participation', 'gym-members'),
  rises('household-sport-spending', 'gym-members'),
  rises('marathon-winning-time', 'marathon-median-time'),
  // science
  rises('research-spending', 'patent-applications'),
  rises('research-spending', 'researchers-per-million'),
  rises('researchers-per-million', 'scientific-articles'),
  rises('stem-graduates', 'researchers-per-million'),
  rises('space-budget', 'satellite-launches'),
  rises('internet-users', 'mobile-subscriptions'),
  rises('internet-users', 'broadband-speed'),
  // transport
  falls('time-lost-in-traffic', 'average-traffic-speed'),
  rises('average-commute-time', 'time-lost-in-traffic'),
  rises('air-passengers', 'flight-delays'),
  rises('new-car-registrations', 'car-ownership'),
  falls('electric-car-sales-share', 'new-car-fuel-use'),
  // climate
  rises('co2-emissions', 'co2-per-person'),
  falls('heatwave-days', 'frost-days'),
  // society
  falls('median-age', 'fertility-rate'),
  rises('fertility-rate', 'household-size'),
  falls('poverty-rate', 'life-satisfaction'),
  rises('urban-population', 'online-shoppers'),
  falls('women-in-parliament', 'gender-pay-gap'),
  rises('charitable-giving', 'volunteering'),
];
