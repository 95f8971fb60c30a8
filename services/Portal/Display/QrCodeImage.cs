using QRCoder;

namespace MynaPlatform.Portal.Display;

/// <summary>Renders text as a QR code PNG in a data: URI, so the page needs no script and no extra request.</summary>
public static class QrCodeImage
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return $"data:image/png;base64,{Convert.ToBase64String(png)}";
    }
}
