using System.Globalization;
using System.Text;

namespace Mutua.Core.Projects;

/// <summary>
/// Words of a project's title and story, for full-text queries and for "similar projects". Plain
/// functions on strings. A small dictionary of everyday project words in the five languages lets a
/// chicken project in Kinyarwanda ("inkoko") meet one in Spanish ("gallinas").
/// </summary>
public static class ProjectText
{
    private const int MaxQueryWords = 8;

    /// <summary>Lower-case runs of letters and digits, as a person typed them (accents kept).</summary>
    public static IReadOnlyList<string> QueryWords(string? text, int max = MaxQueryWords)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) { current.Append(char.ToLowerInvariant(c)); continue; }
            Flush();
        }
        Flush();
        return words.Distinct().Take(max).ToList();

        void Flush()
        {
            if (current.Length > 0 && current.Length <= 40) words.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>An FTS5 query that finds every word as a prefix ("amaz" finds "amazi"), or null when nothing is searchable.</summary>
    public static string? Fts5Query(string? text, bool any = false)
    {
        var words = any ? QueryWords(text, 30).Where(w => w.Length >= 3).ToList() : QueryWords(text);
        return words.Count == 0 ? null : string.Join(any ? " OR " : " ", words.Select(w => $"\"{w}\"*"));
    }

    /// <summary>The same for PostgreSQL's to_tsquery('simple', …).</summary>
    public static string? TsQuery(string? text, bool any = false)
    {
        var words = any ? QueryWords(text, 30).Where(w => w.Length >= 3).ToList() : QueryWords(text);
        return words.Count == 0 ? null : string.Join(any ? " | " : " & ", words.Select(w => w + ":*"));
    }

    /// <summary>Lower case, without accents: "Égalité" becomes "egalite".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) b.Append(char.ToLowerInvariant(c));
        }
        return b.ToString();
    }

    /// <summary>What a text is about: its concepts (language-free) and the stems of its longer words.</summary>
    public static HashSet<string> Features(string text)
    {
        var features = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in AllWords(Fold(text)))
        {
            if (word.Length < 4 || StopWords.Contains(word)) continue;
            var concept = ConceptOf(word);
            features.Add(concept is null ? "w:" + Stem(word) : "c:" + concept);
        }
        return features;
    }

    /// <summary>Words to look for in other projects: the text's own distinctive words plus its concepts in all five languages.</summary>
    public static IReadOnlyList<string> SearchTerms(string text, int max = 24)
    {
        var folded = Fold(text);
        var terms = new List<string>();
        var concepts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in AllWords(folded))
        {
            if (word.Length < 4 || StopWords.Contains(word)) continue;
            var concept = ConceptOf(word);
            if (concept is not null && concepts.Add(concept)) terms.AddRange(Concepts[concept]);
        }
        foreach (var word in AllWords(folded).Where(w => w.Length >= 5 && !StopWords.Contains(w) && ConceptOf(w) is null)
                     .GroupBy(w => w).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).Select(g => g.Key).Take(6))
        {
            terms.Add(Stem(word));
        }
        return terms.Distinct().Take(max).ToList();
    }

    /// <summary>0 (nothing shared) to about 1.3 (same words, same category).</summary>
    public static double Similarity(HashSet<string> a, HashSet<string> b, bool sameCategory)
    {
        var shared = a.Count(b.Contains);
        var union = a.Count + b.Count - shared;
        var jaccard = union == 0 ? 0 : (double)shared / union;
        // Concepts say more than a shared word does.
        var concepts = a.Count(f => f.StartsWith("c:", StringComparison.Ordinal) && b.Contains(f));
        return jaccard + 0.15 * Math.Min(concepts, 3) + (sameCategory ? 0.3 : 0);
    }

    private static IEnumerable<string> AllWords(string folded)
    {
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) { current.Append(c); continue; }
            if (current.Length > 0) yield return current.ToString();
            current.Clear();
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static string Stem(string word) => word.Length <= 6 ? word : word[..6];

    private static string? ConceptOf(string word)
    {
        foreach (var (concept, words) in Concepts)
        {
            foreach (var w in words)
            {
                // "gallinas" is "gallina"; "inkoko" in "z'inkoko" is still "inkoko".
                if (word == w || (w.Length >= 4 && word.StartsWith(w, StringComparison.Ordinal) && word.Length <= w.Length + 3)) return concept;
            }
        }
        return null;
    }

    /// <summary>Everyday project words (folded) in English, Spanish, French, Swahili and Kinyarwanda.</summary>
    private static readonly Dictionary<string, string[]> Concepts = new(StringComparer.Ordinal)
    {
        ["poultry"] = ["chicken", "poultry", "hens", "eggs", "gallina", "pollo", "huevo", "poule", "poulet", "volaille", "oeuf", "kuku", "mayai", "inkoko", "amagi"],
        ["goat"] = ["goat", "cabra", "chevre", "mbuzi", "ihene"],
        ["cow"] = ["cow", "cattle", "dairy", "milk", "vaca", "leche", "vache", "lait", "ngombe", "maziwa", "inka", "amata"],
        ["pig"] = ["pig", "pigs", "cerdo", "porc", "nguruwe", "ingurube"],
        ["bees"] = ["bees", "honey", "beehive", "abeja", "miel", "abeille", "nyuki", "asali", "inzuki", "ubuki"],
        ["water"] = ["water", "well", "agua", "pozo", "eau", "puits", "maji", "kisima", "amazi", "iriba"],
        ["garden"] = ["garden", "vegetable", "vegetables", "huerto", "huerta", "verdura", "jardin", "legume", "potager", "bustani", "mboga", "imboga", "akarima"],
        ["farm"] = ["farm", "farming", "crops", "seeds", "granja", "cultivo", "semilla", "ferme", "culture", "semence", "shamba", "kilimo", "mbegu", "ubuhinzi", "imbuto", "umurima"],
        ["sewing"] = ["sewing", "tailor", "tailoring", "clothes", "costura", "ropa", "couture", "tailleur", "cherehani", "kushona", "nguo", "kudoda", "imyenda", "ubudozi"],
        ["bakery"] = ["bakery", "bread", "baking", "panaderia", "boulangerie", "mikate", "mkate", "imigati"],
        ["food"] = ["food", "cooking", "kitchen", "meals", "comida", "cocina", "nourriture", "cuisine", "repas", "chakula", "kupika", "ibiryo", "guteka", "igikoni"],
        ["shop"] = ["shop", "store", "kiosk", "tienda", "boutique", "magasin", "duka", "iduka", "butike"],
        ["market"] = ["market", "selling", "mercado", "vender", "marche", "vendre", "soko", "kuuza", "isoko", "gucuruza"],
        ["school"] = ["school", "schooling", "tuition", "escuela", "ecole", "scolaire", "shule", "ishuri", "amashuri"],
        ["books"] = ["books", "library", "reading", "libros", "biblioteca", "livres", "bibliotheque", "vitabu", "maktaba", "ibitabo", "gusoma"],
        ["childcare"] = ["childcare", "daycare", "nursery", "guarderia", "creche", "garderie", "chekechea", "malezi", "irerero", "abana"],
        ["computer"] = ["computer", "computers", "internet", "computadora", "ordinateur", "kompyuta", "mudasobwa"],
        ["solar"] = ["solar", "panel", "panels", "electricity", "electricidad", "solaire", "electricite", "jua", "umeme", "imirasire", "amashanyarazi"],
        ["housing"] = ["house", "roof", "repair", "casa", "techo", "maison", "toit", "nyumba", "paa", "inzu", "igisenge", "gusana"],
        ["bicycle"] = ["bicycle", "bike", "bicicleta", "velo", "baiskeli", "igare"],
        ["savings"] = ["savings", "saving", "ahorro", "epargne", "akiba", "kuweka", "kuzigama", "ubwizigame"],
        ["health"] = ["health", "clinic", "salud", "clinica", "sante", "clinique", "afya", "kliniki", "ubuzima", "ivuriro"],
        ["soap"] = ["soap", "jabon", "savon", "sabuni", "isabune"],
        ["hair"] = ["salon", "hair", "barber", "peluqueria", "coiffure", "coiffeur", "saluni", "kinyozi", "umusatsi", "gutunganya"],
        ["fish"] = ["fish", "fishing", "pescado", "poisson", "samaki", "ifi", "amafi"],
        ["tools"] = ["tools", "herramientas", "outils", "zana", "ibikoresho"],
        ["youth"] = ["youth", "jovenes", "jeunes", "vijana", "urubyiruko"],
        ["women"] = ["women", "mujeres", "femmes", "wanawake", "abagore"],
        ["mushroom"] = ["mushroom", "mushrooms", "hongos", "champignon", "uyoga", "ibihumyo"],
        ["craft"] = ["baskets", "crafts", "artesania", "artisanat", "vikapu", "ubukorikori", "ibiseke"],
    };

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "with", "from", "that", "this", "have", "will", "their", "they", "them", "what", "when", "which", "would", "about",
        "para", "como", "pero", "porque", "esta", "este", "nuestra", "nuestro", "nuestros", "familia", "tiene",
        "pour", "avec", "dans", "nous", "notre", "sont", "mais", "famille",
        "kwa", "na", "ya", "wa", "kwenye", "sisi", "yetu", "familia", "hii", "kuwa",
        "kugira", "kandi", "ariko", "cyane", "umuryango", "dufite", "turashaka", "kugirango",
        "family", "project", "proyecto", "projet", "mradi", "umushinga", "need", "needs",
    };
}
