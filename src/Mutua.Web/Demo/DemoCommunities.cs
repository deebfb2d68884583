namespace Mutua.Web.Demo;

/// <summary>The places of the demo, with names that fit them. Households are written "Adult & Adult + children".</summary>
internal static class DemoCommunities
{
    public sealed record Place(string Name, string Place_, string Country, string Language, string Currency, string TimeZone,
        string PhonePrefix, string? EmailDomain, string InvitationCode, string[] Groups, string[][] Households, string[] Surnames,
        Agency Agency);

    /// <summary>The sponsoring agency, in the community's own language; its contact is the demo's sponsor.</summary>
    public sealed record Agency(string Name, string About, string Contact);

    public static readonly Place[] All =
    [
        new("Dudley Neighbors Together", "Roxbury, Boston, Massachusetts", "US", "en", "USD", "America/New_York",
            "+1617555", "dudley.example", "BST4NEWS",
            ["Warren Street Circle", "Dudley Parents", "Blue Hill Savers"],
            [
                ["Denise", "Marcus"], ["Keisha"], ["Andre", "Tanya"], ["Jamal", "Rosa"], ["Fatima", "Abdi"], ["Yvonne"],
                ["Nadia", "Malik"], ["Joanne", "Carl"], ["Imani"], ["Darnell", "Latoya"], ["Hassan", "Amina"], ["Grace", "Samuel"],
                ["Beatriz", "Paulo"], ["Shanice"], ["Curtis", "Monique"], ["Dorothy"], ["Ifeoma", "Chidi"], ["Wanda", "Ray"],
            ],
            ["Johnson", "Baptiste", "Williams", "Pereira", "Osei", "Mohamed", "Brown", "Jean-Louis", "Okafor", "Robinson"],
            new("Roxbury Family Partners",
                "A neighborhood nonprofit that helps families with housing, school and benefits paperwork, and visits and verifies the projects families post.",
                "Karen, at 2201 Washington Street, weekdays 9 to 5, (617) 555-0199")),
        new("Fruitvale Families", "Fruitvale, Oakland, California", "US", "en", "USD", "America/Los_Angeles",
            "+1510555", "fruitvale.example", "FRVT7KDS",
            ["International Blvd Neighbors", "Grupo Fruitvale Norte", "Foothill Cooks"],
            [
                ["Guadalupe", "Rubén"], ["María", "José"], ["Minh", "Linh"], ["Verónica"], ["Alejandro", "Carmen"], ["Destiny"],
                ["Ricardo", "Sofía"], ["Lupe"], ["Kevin", "Tiffany"], ["Miguel", "Ana"], ["Thanh", "Hoa"], ["Marisol"],
                ["Héctor", "Brenda"], ["Jasmine"], ["Óscar", "Diana"], ["Xochitl", "Julio"],
            ],
            ["Hernández", "López", "Nguyen", "Ramírez", "Flores", "Torres", "Tran", "Jackson", "Morales", "Castillo"],
            new("Fruitvale Family Resource Center",
                "Helps families start small businesses, find child care and file taxes, in English, Spanish and Vietnamese; verifies the projects families post.",
                "Karen, at the center on International Blvd, Monday to Thursday, (510) 555-0199")),
        new("Arvin Unidos", "Arvin, Kern County, California", "US", "es", "USD", "America/Los_Angeles",
            "+1661555", "arvin.example", "ARVNHGAR",
            ["Grupo Esperanza", "Campesinas Unidas"],
            [
                ["Esperanza", "Juan"], ["Rosario"], ["Francisco", "Maribel"], ["Jesús", "Leticia"], ["Arturo", "Yesenia"],
                ["Ramón", "Alma"], ["Efraín", "Dolores"], ["Graciela"], ["Salvador", "Inés"], ["Teresa", "Manuel"], ["Norma"],
                ["Rigoberto", "Lucía"],
            ],
            ["García", "Martínez", "Mendoza", "Cruz", "Ortiz", "Vargas", "Sánchez", "Reyes", "Gutiérrez", "Aguilar"],
            new("Centro Comunitario del Valle",
                "Acompaña a familias campesinas con trámites, salud y pequeños negocios, y visita y verifica los proyectos que las familias publican.",
                "Claudia, en la oficina junto a la biblioteca de Arvin, martes y jueves, (661) 555-0199")),
        new("Twisungane Nyamagabe", "Kitabi and Uwinkingi villages, Nyamagabe, Rwanda", "RW", "rw", "RWF", "Africa/Kigali",
            "+25078", null, "RWDAMUGE",
            ["Itsinda Twisungane", "Itsinda Abishyize Hamwe", "Itsinda Dufatanye"],
            [
                ["Vestine", "Emmanuel"], ["Immaculée", "Théogène"], ["Clémentine"], ["Jean Claude", "Alphonsine"], ["Innocent", "Olive"],
                ["Fidèle", "Consolée"], ["Diane"], ["Eric", "Chantal"], ["Marie Claire", "Jean de Dieu"], ["Donatille"],
                ["Faustin", "Esperance"], ["Solange", "Célestin"], ["Béatrice"], ["Pascal", "Angélique"], ["Josiane", "Evariste"],
                ["Speciose"], ["Aimable", "Gaudence"], ["Claudine", "Jérôme"], ["Dative"], ["Janvier", "Valentine"],
            ],
            ["Uwimana", "Mukamana", "Niyonzima", "Habimana", "Uwase", "Nshimiyimana", "Mukeshimana", "Ingabire", "Hakizimana", "Nyirahabimana"],
            new("Tuzamurane Nyamagabe",
                "Umuryango utari uwa Leta ufasha imiryango mu buhinzi, kwizigama n’ubuzima, ugasura kandi ukemeza imishinga imiryango ishyira hano.",
                "Agnès, ku biro biri hafi y’isoko rya Kitabi, kuwa kabiri no kuwa kane, 0780 000 099")),
        new("Walukuba Tusitukire", "Walukuba and Masese, Jinja, Uganda", "UG", "en", "UGX", "Africa/Kampala",
            "+25677", null, "JNJA5UGX",
            ["Masese Women Savers", "Walukuba Youth Group", "Kikundi cha Amani"],
            [
                ["Grace", "Moses"], ["Sarah"], ["Joseph", "Esther"], ["Harriet"], ["Ronald", "Prossy"], ["Robinah", "Isaac"],
                ["Florence"], ["Godfrey", "Patience"], ["Brian"], ["Zawadi", "Baraka"], ["Rehema", "Juma"], ["Aisha"],
                ["Ivan", "Sharon"], ["Mercy", "Denis"], ["Fatuma"], ["Hamida", "Musa"],
            ],
            ["Nakato", "Waiswa", "Mugisha", "Nabirye", "Kagoda", "Namutebi", "Ssempala", "Kisakye", "Mwanje", "Akello"],
            new("Jinja Community Development Trust",
                "A local NGO that trains savings groups and supports small businesses in Walukuba and Masese, and visits and verifies the projects families post.",
                "Peter, at the Trust's office on Main Street, Jinja, Monday to Friday, 0770 000 099")),
    ];
}
