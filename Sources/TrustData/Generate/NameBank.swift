/// Fictional names for generated pupils and schools. Combinations are random, so no generated pupil is a
/// real person; school names are invented place names.
enum NameBank {
    static let girls = ["Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow",
                        "Rosie", "Sophia", "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily", "Ella",
                        "Evelyn", "Phoebe", "Sofia", "Evie", "Charlotte", "Harper", "Matilda", "Amara", "Aisha", "Zara",
                        "Maja", "Zofia", "Hannah", "Ruby", "Layla", "Maryam", "Chloe", "Esme", "Imogen", "Niamh"]
    static let boys = ["Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry",
                       "Theodore", "Freddie", "Jack", "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo",
                       "William", "Lucas", "Roman", "Tommy", "Isaac", "Teddy", "Alexander", "Luca", "Edward", "James",
                       "Reggie", "Ibrahim", "Yusuf", "Jakub", "Mason", "Ethan", "Kai", "Ezra", "Rory", "Dylan"]
    static let surnames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
                           "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
                           "Clarke", "Patel", "Khan", "Lewis", "Harris", "Martin", "Cooper", "King", "Lee", "Baker",
                           "Turner", "Hill", "Ward", "Morris", "Moore", "Clark", "Harrison", "Scott", "Young", "Mitchell",
                           "Kowalski", "Nowak", "Ahmed", "Hussain", "Begum", "Okafor", "Adeyemi", "Mensah", "Ali",
                           "O'Brien", "Murphy", "Kelly", "Campbell", "Stewart", "Bennett", "Carter", "Marsh", "Fletcher",
                           "Hughes", "Price", "Ellis", "Barnes", "Chapman", "Fox", "Hart", "Lloyd", "Webb", "Hunt"]
    static let places = ["Ashcombe", "Brookfield", "Castlemere", "Dunmore", "Elmstead", "Fenwick", "Greywell",
                         "Hartsfield", "Ivybridge Lane", "Juniper Hill", "Kingsmead", "Larkrise", "Millbrook",
                         "Northgate", "Oakhurst", "Pebblecombe", "Queensway", "Rushmere", "Saxonbury", "Thornfield",
                         "Upperton", "Valley Road", "Willowbank", "Yarrow", "Alderbrook", "Beacon Hill", "Coldharbour",
                         "Deneholt", "Eastwick", "Foxley", "Goldcrest", "Heathcote", "Kestrel Way", "Lindenfield",
                         "Marshwood", "Netherby", "Orchard Vale", "Priory Fields", "Redbourne", "Sandpipers"]
    static let kinds = ["Primary Academy", "Primary School", "Church of England Primary Academy", "Community Primary",
                        "Infant and Junior School"]
    /// DfE LA numbers (the first three digits of a permanent UPN) for the benchmark LAs.
    static let laNumbers = ["Essex": 881, "Suffolk": 935, "Hampshire": 850]

    static func schoolName(_ index: Int) -> String {
        let place = places[index % places.count]
        let kind = kinds[(index / places.count + index) % kinds.count]
        let round = index / (places.count * kinds.count)
        return round == 0 ? "\(place) \(kind)" : "\(place) \(kind) \(round + 1)"
    }
}
