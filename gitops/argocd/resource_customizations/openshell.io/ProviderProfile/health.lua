-- Argo CD health for openshell.io ProviderProfile: Degraded when lint rejects it; a delete that
-- the in-use finalizer holds shows as Progressing with OpenShell's "in use" message.
local hs = { status = "Progressing", message = "Waiting for the operator to lint the profile" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
if obj.status.observedGeneration == nil or obj.metadata.generation == nil
    or obj.status.observedGeneration < obj.metadata.generation then
  return hs
end
local c = {}
for _, cond in ipairs(obj.status.conditions) do
  c[cond.type] = cond
end
if c["Accepted"] ~= nil and c["Accepted"].status == "False" then
  hs.status = "Degraded"
  hs.message = c["Accepted"].reason .. ": " .. (c["Accepted"].message or "")
  return hs
end
if c["Ready"] ~= nil and c["Ready"].status == "False" and c["Ready"].reason == "InUse" then
  hs.message = c["Ready"].message
  return hs
end
if c["Accepted"] ~= nil and c["Accepted"].status == "True" then
  hs.status = "Healthy"
  hs.message = "Profile accepted"
end
return hs
