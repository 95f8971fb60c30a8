using Xunit;
using MynaPlatform.Hosting;

namespace MynaPlatform.Hosting.Tests;

public sealed class ResourceNamesTests
{
    [Fact]
    public void ServiceNames_AreLowerKebabCase()
    {
        Assert.Matches("^[a-z]+(-[a-z]+)*$", ResourceNames.AccessLog);
    }
}
