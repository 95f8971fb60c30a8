using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace MynaPlatform.ServiceDefaults.Problems;

/// <summary>
/// Rejects a JSON body whose <c>Content-Type</c> names a character set other than UTF-8 with 415,
/// before any endpoint reads it. ASP.NET Core's JSON reading throws on a charset it does not know,
/// such as <c>Shift_JIS</c>, which would be a 500, and readers that ignore the charset would read
/// the bytes as UTF-8.
/// </summary>
public sealed class JsonCharsetMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (JsonWithCharset(context.Request.ContentType) is not { } mediaType)
        {
            await next(context);
            return;
        }

        if (IsUtf8(mediaType))
        {
            // ASP.NET Core's JSON reading accepts only the plain name and fails (a 500) on "utf8" or a
            // quoted "utf-8", so those spellings are rewritten. The common plain name is left as it is.
            if (!mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                mediaType.Charset = "utf-8";
                context.Request.ContentType = mediaType.ToString();
            }

            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "本文の文字コードに対応していません。",
                Detail = "JSON の本文は UTF-8 で送ってください。Content-Type の charset は utf-8 にするか、省略してください。",
            },
        });
    }

    /// <summary>Checks whether a content type is JSON (<c>application/json</c> or <c>+json</c>) with a charset other than UTF-8.</summary>
    public static bool IsJsonInOtherCharset(string? contentType) =>
        JsonWithCharset(contentType) is { } mediaType && !IsUtf8(mediaType);

    /// <summary>Returns the parsed content type when it is JSON and names a charset, otherwise null.</summary>
    private static MediaTypeHeaderValue? JsonWithCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.Charset.Length == 0)
        {
            return null;
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
        return isJson ? mediaType : null;
    }

    /// <summary>Checks whether the charset, quoted or not, is UTF-8 spelled "utf-8" or "utf8".</summary>
    private static bool IsUtf8(MediaTypeHeaderValue mediaType)
    {
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
