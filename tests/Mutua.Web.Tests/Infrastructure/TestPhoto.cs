using SkiaSharp;

namespace Mutua.Web.Tests.Infrastructure;

/// <summary>Small real pictures for upload tests.</summary>
public static class TestPhoto
{
    public static byte[] Png(int width = 24, int height = 16) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 24, int height = 16) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
