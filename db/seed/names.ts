/**
 * Curated word lists for demo data. Made-up B2B names (no real brands), so screenshots and demos
 * look like a real book of business without naming anybody's actual customer.
 */

export const COMPANY_NAMES = [
  'Northwind Logistics', 'Brightpath Health', 'Cobalt Ridge Software', 'Harbor & Finch Legal',
  'Lumen Freight', 'Silverline Payroll', 'Redwood Clinical Labs', 'Tidewater Insurance',
  'Copperleaf Retail', 'Blue Heron Hospitality', 'Summit Ledger', 'Granite Peak Manufacturing',
  'Fernbrook Pharmacy Group', 'Meridian Wealth Partners', 'Oakhaven Property Management',
  'Quarry Street Media', 'Pinecrest Education', 'Sablewood Energy', 'Driftline Marine',
  'Evergreen Home Care', 'Ironbridge Construction', 'Kestrel Aviation Services', 'Lakeshore Credit Union',
  'Mosaic Learning', 'Nimbus Cloud Services', 'Orchard Valley Foods', 'Parallax Research',
  'Quillfeather Publishing', 'Riverbend Dental', 'Saltmarsh Analytics', 'Thistle & Vine Wines',
  'Upland Agritech', 'Vantage Point Security', 'Westgate Staffing', 'Yellowpine Outdoor',
  'Zephyr Mobility', 'Amberfield Veterinary', 'Bellweather Consulting', 'Cedar Grove Senior Living',
  'Dovetail Interiors', 'Emberline Studios', 'Foxglove Biotech', 'Glasshouse Architecture',
  'Hollow Creek Brewing', 'Indigo Bay Travel', 'Juniper Street Bank', 'Keystone Fleet',
  'Larkspur Fitness', 'Marigold Events', 'Northstar Telematics', 'Opaline Cosmetics',
  'Prairie Wind Utilities', 'Quartzline Semiconductors', 'Rosewater Spa Group', 'Stonegate Realty',
  'Trailhead Outfitters', 'Umber & Co. Accounting', 'Violet Hill Schools', 'Willowbrook Clinics',
  'Xenia Data Systems', 'Yardarm Shipping', 'Zenith Procurement', 'Arcadia Solar',
  'Beacon Street Advisors', 'Clearwater Water Works', 'Daybreak Bakeries', 'Eastbridge Capital',
  'Fairhaven Hotels', 'Goldcrest Mortgage', 'Highmark Robotics', 'Islandview Resorts',
  'Jadeport Imports', 'Kingfisher Labs', 'Lodestar Payments', 'Millbrook Textiles',
  'Newleaf Recruiting', 'Oxbow Transit', 'Peregrine Drones', 'Quayside Markets', 'Ravenwood Games',
  'Seabright Clinics', 'Tamarack Timber', 'Unity Grove Nonprofit Services', 'Vireo Software',
  'Wavecrest Telecom', 'Alderpoint Insurance', 'Birchwood Furniture', 'Canyon Spring Beverages',
  'Deepwell Energy', 'Elmstead Partners', 'Fieldstone Farms', 'Greenlight Fintech',
  'Hearthside Property', 'Ivory Tower Tutoring', 'Jetstream Couriers', 'Kindred Pediatrics',
  'Lighthouse Marketing', 'Moonrise Hotels', 'Nettlefield Agriculture', 'Overland Freightways',
  'Pinnacle Orthopedics', 'Quietwater Apparel', 'Rockport Storage', 'Starling Payroll',
  'Tessellate Design', 'Upstream Biologics', 'Verdant Landscaping', 'Whitecap Logistics',
  'Aspen Ridge Clinics', 'Bramble & Stone', 'Crescent Moon Pharma', 'Dunmore Engineering',
  'Eastwind Airlines Services', 'Frostline Refrigeration', 'Gullwing Motors', 'Hillcrest Insurance',
  'Ironwood Security', 'Jasper Lane Retail', 'Kelpie Pet Supplies', 'Meadowlark Learning',
] as const;

/** Other Corp's own customers: never shared with the demo org, so a leak is easy to spot. */
export const OTHER_ORG_COMPANY_NAMES = [
  'Saffron Kitchen Supply', 'Tallgrass Dairy', 'Bluewater Pools', 'Hatchet Hill Outfitters',
  'Marlow Print Works', 'Cinderblock Gyms', 'Pebble Beach Daycare', 'Otterbrook Labs',
] as const;

/** Halves for names beyond the curated list (benchmark-sized portfolios). */
export const NAME_PREFIXES = [
  'Acorn', 'Alpine', 'Anchor', 'Apex', 'Ashford', 'Aurora', 'Basalt', 'Bayside', 'Bluebird',
  'Boulder', 'Brookside', 'Canopy', 'Cardinal', 'Cascade', 'Clearview', 'Cloverfield', 'Coral',
  'Crestview', 'Cypress', 'Elmwood', 'Falcon', 'Fjord', 'Flint', 'Foxhill', 'Glacier', 'Halcyon',
  'Harvest', 'Heron', 'Horizon', 'Juniper', 'Kestrel', 'Lantern', 'Lumen', 'Magnolia', 'Maple',
  'Meadow', 'Midland', 'Mistral', 'Monarch', 'Nautilus', 'Oakridge', 'Obsidian', 'Orion', 'Osprey',
  'Pacifica', 'Palisade', 'Pebble', 'Polaris', 'Quarry', 'Redstone', 'Ridgeline', 'Sagebrush',
  'Sequoia', 'Shoreline', 'Skyline', 'Sparrow', 'Spruce', 'Sterling', 'Sunridge', 'Tanager',
  'Timberline', 'Trillium', 'Turnstone', 'Valley', 'Wildflower', 'Windward', 'Wren', 'Yarrow',
] as const;

export const NAME_INDUSTRIES = [
  'Analytics', 'Apparel', 'Architects', 'Bank', 'Biotech', 'Brewing', 'Builders', 'Capital',
  'Clinics', 'Consulting', 'Couriers', 'Dental', 'Diagnostics', 'Education', 'Energy', 'Engineering',
  'Foods', 'Freight', 'Health', 'Hospitality', 'Insurance', 'Labs', 'Legal', 'Logistics', 'Marine',
  'Media', 'Medical', 'Mobility', 'Networks', 'Outfitters', 'Payments', 'Pharma', 'Properties',
  'Publishing', 'Realty', 'Recruiting', 'Retail', 'Robotics', 'Security', 'Software', 'Solar',
  'Staffing', 'Systems', 'Telecom', 'Travel', 'Utilities', 'Ventures', 'Wellness',
] as const;

/** Appended in later rounds so a 10,000-account portfolio still has distinct names. */
export const NAME_QUALIFIERS = ['', ' Group', ' Holdings', ' International', ' Partners', ' Co.'] as const;

export const TLDS = ['com', 'com', 'com', 'io', 'co', 'net'] as const;

export const FIRST_NAMES = [
  'Aisha', 'Alejandro', 'Amara', 'Andrea', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Daniel',
  'Dana', 'Deepa', 'Diego', 'Elena', 'Emeka', 'Emily', 'Farah', 'Felix', 'Grace', 'Hannah',
  'Hiro', 'Ines', 'Isaac', 'Jamal', 'James', 'Jana', 'Jia', 'Jonas', 'Julia', 'Karim', 'Kate',
  'Kofi', 'Lars', 'Laura', 'Leah', 'Liam', 'Lina', 'Lucas', 'Maya', 'Marco', 'Maria', 'Mateo',
  'Mei', 'Michael', 'Nadia', 'Naomi', 'Nikhil', 'Noah', 'Olivia', 'Omar', 'Paul', 'Priya',
  'Rachel', 'Rafael', 'Rosa', 'Ryan', 'Sakura', 'Samuel', 'Sara', 'Sofia', 'Tariq', 'Thomas',
  'Tomás', 'Valentina', 'Victor', 'Wei', 'Yara', 'Yusuf', 'Zoe', 'Zara',
] as const;

export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Andersen', 'Bailey', 'Becker', 'Bianchi', 'Brennan', 'Campbell',
  'Castillo', 'Chen', 'Costa', 'Dubois', 'Edwards', 'Eriksen', 'Fischer', 'Fitzgerald', 'Garcia',
  'Greene', 'Gupta', 'Hansen', 'Hayes', 'Hoffmann', 'Ibrahim', 'Ito', 'Jensen', 'Kaur', 'Keller',
  'Kim', 'Kowalski', 'Larsen', 'Lee', 'Lopez', 'Mahmoud', 'Martin', 'Mensah', 'Moreau', 'Murphy',
  'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Olsen', 'Ortiz', 'Park', 'Patel', 'Petrov', 'Quinn',
  'Ramirez', 'Reyes', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Sullivan', 'Tanaka', 'Torres',
  'Walsh', 'Wang', 'Weber', 'Williams', 'Yilmaz', 'Young', 'Zhang',
] as const;

export type StakeholderRole = 'champion' | 'decision_maker' | 'economic_buyer' | 'user' | 'other';

/** Job titles that fit each stakeholder role. */
export const TITLES_BY_ROLE: Record<StakeholderRole, readonly string[]> = {
  champion: [
    'Head of Customer Operations', 'Director of Revenue Operations', 'Operations Manager',
    'Head of Analytics', 'Director of Business Intelligence', 'Program Manager, Digital',
  ],
  economic_buyer: ['CFO', 'VP Finance', 'COO', 'Chief Revenue Officer', 'Finance Director'],
  decision_maker: [
    'VP Engineering', 'CTO', 'VP Operations', 'Head of IT', 'Director of Data Platform',
  ],
  user: [
    'Data Analyst', 'Operations Analyst', 'Customer Support Lead', 'Account Executive',
    'Marketing Manager', 'BI Developer', 'Financial Analyst',
  ],
  other: ['Procurement Manager', 'IT Security Officer', 'Executive Assistant', 'Legal Counsel'],
};

export const ROLE_LABELS: Record<StakeholderRole, string> = {
  champion: 'Champion',
  economic_buyer: 'Economic buyer',
  decision_maker: 'Decision maker',
  user: 'User',
  other: 'Other',
};

export const SEGMENT_WEIGHTS = { enterprise: 15, mid_market: 35, smb: 50 } as const;

/** Licensed seats by segment, inclusive, rounded to a step a sales team would quote. */
export const SEATS_BY_SEGMENT = {
  smb: { min: 5, max: 25, step: 1 },
  mid_market: { min: 25, max: 150, step: 5 },
  enterprise: { min: 150, max: 1500, step: 10 },
} as const;

/** What a CSM writes after a call; the notes in the demo timeline. */
export const CSM_NOTES = [
  'QBR held: they want SSO before renewal.',
  'Kickoff call done; weekly check-ins booked until go-live.',
  'Champion asked for a dashboard training for the new analysts.',
  'Exec sponsor happy with reporting; budget for next year not confirmed yet.',
  'Usage dipped after their reorg, following up with the new team lead.',
  'They asked about the Salesforce integration roadmap.',
  'Raised concerns about slow exports on large reports; ticket opened with support.',
  'Agreed on success plan: 80% of licensed seats active by end of quarter.',
  'Procurement wants a 3-year term with a price cap; looped in the AE.',
  'Walked them through health scores; they will share with leadership.',
  'New VP of Operations started, intro meeting scheduled.',
  'Renewal looks safe; they mentioned adding a second team.',
  'Security review questionnaire received, sent to our security team.',
  'Onboarding workshop delivered to 12 users, recording shared.',
  'Feature request: scheduled PDF reports for the board.',
  'Budget freeze announced, renewal might be downgraded.',
] as const;
