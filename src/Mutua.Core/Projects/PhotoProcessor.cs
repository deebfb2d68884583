using SkiaSharp;

namespace Mutua.Core.Projects;

public sealed record ProcessedPhoto(byte[] Large, byte[] Thumbnail, int Width, int Height);

/// <summary>
/// Takes a photo as a phone sent it and keeps only its pixels: the type is read from the bytes
/// (JPEG, PNG or WebP, whatever the name or header claims), the size is bounded, the picture is
/// turned upright, resized and re-encoded as a fresh JPEG. Nothing of the original file survives,
/// so no EXIF, GPS position, camera serial or XMP either.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxSourcePixels = 50_000_000;
    public const int LargeEdge = 1280;
    public const int ThumbnailEdge = 400;
    private const int Quality = 82;

    public static Outcome<ProcessedPhoto> Process(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return Failure.InvalidPhoto;
        if (bytes.Length > MaxBytes) return Failure.PhotoTooLarge;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return Failure.InvalidPhoto;
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            return Failure.InvalidPhoto;
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxSourcePixels) return Failure.PhotoTooLarge;

        using var decoded = SKBitmap.Decode(codec, new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (decoded is null) return Failure.InvalidPhoto;
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var large = Encode(upright, LargeEdge, out var width, out var height);
        var thumbnail = Encode(upright, ThumbnailEdge, out _, out _);
        return new ProcessedPhoto(large, thumbnail, width, height);
    }

    private static byte[] Encode(SKBitmap source, int maxEdge, out int width, out int height)
    {
        var scale = Math.Min(1.0, (double)maxEdge / Math.Max(source.Width, source.Height));
        width = Math.Max(1, (int)Math.Round(source.Width * scale));
        height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        // JPEG has no transparency: a PNG's clear parts become white, not black.
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return encoded.ToArray();
    }

    /// <summary>Phones store a photo sideways and say "rotate me" in EXIF; we drop the EXIF, so apply it first.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return bitmap.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(result);
        var w = result.Width;
        var h = result.Height;
        // Canvas calls compose right to left: the last one applies to the picture first.
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(-90); break;
        }
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
