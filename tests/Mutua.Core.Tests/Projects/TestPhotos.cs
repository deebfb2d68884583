using System.Text;
using SkiaSharp;

namespace Mutua.Core.Tests.Projects;

/// <summary>Photos as phones make them: a real JPEG with an EXIF block carrying a GPS position, a description and an orientation.</summary>
public static class TestPhotos
{
    public const string SecretDescription = "Kitabi village, house of Vestine";

    public static byte[] PlainJpeg(int width = 64, int height = 32)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an APP1 EXIF segment: orientation, image description and GPS latitude/longitude (Nyamagabe, Rwanda).</summary>
    public static byte[] JpegWithGps(ushort orientation = 1, int width = 64, int height = 32)
    {
        var jpeg = PlainJpeg(width, height);
        var tiff = ExifTiff(orientation, SecretDescription);
        var app1 = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        app1.Add((byte)(length >> 8));
        app1.Add((byte)(length & 0xFF));
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static byte[] ExifTiff(ushort orientation, string description)
    {
        var desc = Encoding.ASCII.GetBytes(description + "\0");
        if (desc.Length % 2 == 1) desc = [.. desc, 0];
        const int ifd0 = 8;
        const int ifd0Size = 2 + 3 * 12 + 4;
        var descOffset = ifd0 + ifd0Size;
        var gpsOffset = descOffset + desc.Length;
        const int gpsSize = 2 + 4 * 12 + 4;
        var latOffset = gpsOffset + gpsSize;
        var lonOffset = latOffset + 24;

        var b = new List<byte>();
        b.AddRange("II"u8.ToArray()); U16(b, 42); U32(b, ifd0);
        U16(b, 3);
        Entry(b, 0x010E, 2, (uint)(description.Length + 1), (uint)descOffset);   // ImageDescription
        Entry(b, 0x0112, 3, 1, orientation);                                    // Orientation (SHORT, inline)
        Entry(b, 0x8825, 4, 1, (uint)gpsOffset);                                // GPS IFD
        U32(b, 0);
        b.AddRange(desc);
        U16(b, 4);
        Entry(b, 0x0001, 2, 2, 'S');                                            // GPSLatitudeRef "S"
        Entry(b, 0x0002, 5, 3, (uint)latOffset);                                // GPSLatitude
        Entry(b, 0x0003, 2, 2, 'E');                                            // GPSLongitudeRef "E"
        Entry(b, 0x0004, 5, 3, (uint)lonOffset);                                // GPSLongitude
        U32(b, 0);
        foreach (var (n, d) in new (uint, uint)[] { (2, 1), (28, 1), (4512, 100), (29, 1), (33, 1), (1789, 100) }) { U32(b, n); U32(b, d); }
        return b.ToArray();
    }

    private static void Entry(List<byte> b, ushort tag, ushort type, uint count, uint value)
    {
        U16(b, tag); U16(b, type); U32(b, count); U32(b, value);
    }

    private static void U16(List<byte> b, int v) { b.Add((byte)v); b.Add((byte)(v >> 8)); }

    private static void U32(List<byte> b, long v) { b.Add((byte)v); b.Add((byte)(v >> 8)); b.Add((byte)(v >> 16)); b.Add((byte)(v >> 24)); }
}
