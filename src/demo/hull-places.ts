// Places and names for the Hull-like demo centre. Streets and districts are real Hull
// geography (approximate district centres); people, practices and care homes are invented.

export interface HullDistrict {
  /** Outward code, HU1–HU9. */
  outward: string;
  /** Rough centre of the district's housing. */
  lat: number;
  lon: number;
  streets: readonly string[];
  /** Relative share of referred patients living there. */
  weight: number;
}

export const hullDistricts: readonly HullDistrict[] = [
  { outward: 'HU1', lat: 53.7435, lon: -0.3349, streets: ['Whitefriargate', 'High Street', 'Humber Street'], weight: 1 },
  { outward: 'HU2', lat: 53.7505, lon: -0.3390, streets: ['Wincolmlee', 'Charterhouse Lane', 'Francis Street'], weight: 1 },
  { outward: 'HU3', lat: 53.7405, lon: -0.3600, streets: ['Anlaby Road', 'Hessle Road', 'Boulevard', 'Coltman Street', 'Walton Street'], weight: 3 },
  { outward: 'HU4', lat: 53.7355, lon: -0.3890, streets: ['Pickering Road', 'Anlaby Park Road North', 'Boothferry Road', 'Askew Avenue'], weight: 2 },
  { outward: 'HU5', lat: 53.7610, lon: -0.3700, streets: ['Newland Avenue', 'Chanterlands Avenue', 'Princes Avenue', 'Cottingham Road', 'Goddard Avenue'], weight: 3 },
  { outward: 'HU6', lat: 53.7800, lon: -0.3650, streets: ['Orchard Park Road', 'Beverley Road', 'Inglemire Lane', 'Hall Road'], weight: 2 },
  { outward: 'HU7', lat: 53.7990, lon: -0.3290, streets: ['Goodhart Road', 'Wawne Road', 'Sutton Road', 'Kingswood Park Avenue', 'Bude Road'], weight: 3 },
  { outward: 'HU8', lat: 53.7650, lon: -0.3030, streets: ['Holderness Road', 'Maybury Road', 'Ings Road', 'Marfleet Lane', 'Sutton Road'], weight: 3 },
  { outward: 'HU9', lat: 53.7520, lon: -0.2900, streets: ['Preston Road', 'Southcoates Lane', 'Hedon Road', 'Marfleet Avenue', 'Westcott Street'], weight: 3 },
];

/** The letters Royal Mail allows in the inward code's last two places. */
export const inwardLetters = 'ABDEFGHJLNPQRSTUWXYZ';

export const gpPractices: readonly string[] = [
  'Newland Health Centre',
  'Orchard Park Surgery',
  'Bransholme Health Centre',
  'Marfleet Group Practice',
  'Hessle Road Medical Centre',
  'Calvert Lane Surgery',
  'Springhead Medical Centre',
  'Holderness Road Surgery',
  'Sutton Manor Surgery',
  'Anlaby Road Medical Practice',
];

export const careHomes: readonly { name: string; street: string; outward: string }[] = [
  { name: 'Ashcourt Care Home', street: 'Cottingham Road', outward: 'HU5' },
  { name: 'Holderness Lodge', street: 'Holderness Road', outward: 'HU8' },
  { name: 'Westfield House', street: 'Boothferry Road', outward: 'HU4' },
  { name: 'Sutton Park Care Home', street: 'Wawne Road', outward: 'HU7' },
];

export const femaleGivenNames: readonly string[] = [
  'Margaret', 'Dorothy', 'Joan', 'Betty', 'Jean', 'Eileen', 'Doris', 'Irene', 'Sheila', 'Maureen',
  'Patricia', 'Barbara', 'Audrey', 'Brenda', 'Pauline', 'Mavis', 'Edna', 'Valerie', 'Elsie', 'Kathleen',
];

export const maleGivenNames: readonly string[] = [
  'John', 'William', 'George', 'Kenneth', 'Ronald', 'Peter', 'Brian', 'Derek', 'Alan', 'Raymond',
  'Arthur', 'Frank', 'Dennis', 'Harold', 'Roy', 'Terence', 'Norman', 'Keith', 'Albert', 'Stanley',
];

export const familyNames: readonly string[] = [
  'Smith', 'Johnson', 'Walker', 'Wilson', 'Robinson', 'Wright', 'Thompson', 'Brown', 'Taylor', 'Jackson',
  'Wood', 'Harrison', 'Atkinson', 'Clarke', 'Dixon', 'Marshall', 'Hewitt', 'Rhodes', 'Fenwick', 'Holmes',
  'Gibson', 'Wray', 'Ashby', 'Kirk', 'Ellis', 'Leonard', 'Storey', 'Tindall', 'Crompton', 'Ward',
];

/** First names for staff (a younger generation than the patients). */
export const staffGivenNames: readonly string[] = [
  'Aisha', 'Tom', 'Priya', 'James', 'Sophie', 'Daniel', 'Hannah', 'Oliver', 'Chloe', 'Samuel', 'Grace', 'Mohammed',
  'Emma', 'Ryan', 'Laura', 'Kwame', 'Zoe', 'Liam', 'Fatima', 'Adam', 'Rachel', 'Ben', 'Megan', 'Luke', 'Nadia', 'Chris',
];

export const dietaryOptions: readonly string[] = ['diabetic', 'soft diet (dysphagia)', 'vegetarian', 'gluten-free', 'halal', 'low salt'];

export const carerRelationships: readonly string[] = ['wife', 'husband', 'daughter', 'son', 'neighbour', 'paid carer'];

/** The transport depot (Sutton Fields industrial estate, HU7). */
export const transportDepot = { postcode: 'HU7 0XW', lat: 53.7905, lon: -0.3105 };

/** Where the demo ICC stands (north Hull, off Beverley Road). */
export const iccSite = { addressLines: ['Beverley Road', 'Hull'], postcode: 'HU6 7RX', lat: 53.7745, lon: -0.3555 };
